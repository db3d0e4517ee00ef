package dev.agenticore.app;

import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.event.JobEventLog;
import dev.agenticore.core.job.JobStore;
import dev.agenticore.core.profile.ProfileCatalog;

/**
 * The technology-specific parts of the server. {@link #forConfig} picks them from the
 * configuration; tests pass their own.
 *
 * @param jobStore job records
 * @param eventLog job event logs
 * @param profiles execution profiles
 * @param agentRunner the agent
 */
public record Adapters(JobStore jobStore, JobEventLog eventLog, ProfileCatalog profiles, AgentRunner agentRunner) {

    /** Returns the adapters the configuration asks for: the file store and the Claude Code CLI. */
    public static Adapters forConfig(ServerConfig config) {
        throw new UnsupportedOperationException("not wired yet");
    }
}
