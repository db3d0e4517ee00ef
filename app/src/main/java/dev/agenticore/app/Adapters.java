package dev.agenticore.app;

import dev.agenticore.claude.ClaudeCodeRunner;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.event.JobEventLog;
import dev.agenticore.core.job.JobStore;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.file.DirectoryProfileCatalog;
import dev.agenticore.file.FileJobEventLog;
import dev.agenticore.file.FileJobStore;
import java.time.Clock;

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
        Clock clock = Clock.systemUTC();
        return new Adapters(
                new FileJobStore(config.jobsDir()),
                new FileJobEventLog(config.jobsDir(), clock),
                profiles(config),
                new ClaudeCodeRunner(config.claude()));
    }

    /** Returns the profile catalog: bundled profiles, then the configured directories. */
    public static ProfileCatalog profiles(ServerConfig config) {
        return new DirectoryProfileCatalog(config.home().resolve("bundled-profiles"), config.profileDirectories());
    }
}
