package dev.agenticore.core.agent;

import java.util.Objects;
import java.util.Set;

/**
 * Choices of one agent run beyond its profile, for runs that are not jobs, such as chat turns.
 *
 * @param partialMessages whether the agent streams text and thinking as it is generated, which
 *     yields {@link AgentEvent.TextDelta} and {@link AgentEvent.ThinkingDelta} events
 * @param newSessionId id to give a new session, or empty to let the agent choose one. Must be
 *     empty when {@link AgentInvocation#sessionId()} names a session to resume.
 * @param persistSession whether the session is saved so that a later run can resume it
 * @param systemPrompt text that replaces the agent's default system prompt, or empty
 * @param appendSystemPrompt text appended to the system prompt, or empty
 * @param disabledMcpServers names of MCP servers to leave out of this run
 */
public record RunOptions(
        boolean partialMessages,
        String newSessionId,
        boolean persistSession,
        String systemPrompt,
        String appendSystemPrompt,
        Set<String> disabledMcpServers) {

    /** The options of a job run: no partial messages, a saved session, the profile's prompt. */
    public static final RunOptions DEFAULTS = new RunOptions(false, "", true, "", "", Set.of());

    public RunOptions {
        newSessionId = Objects.requireNonNullElse(newSessionId, "");
        systemPrompt = Objects.requireNonNullElse(systemPrompt, "");
        appendSystemPrompt = Objects.requireNonNullElse(appendSystemPrompt, "");
        disabledMcpServers = Set.copyOf(Objects.requireNonNullElse(disabledMcpServers, Set.of()));
    }
}
