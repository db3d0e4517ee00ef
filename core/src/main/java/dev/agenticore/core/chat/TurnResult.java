package dev.agenticore.core.chat;

import dev.agenticore.core.agent.AgentUsage;
import java.util.Objects;

/**
 * How one agent run of a chat turn or completion ended.
 *
 * @param text the agent's final reply, or empty
 * @param isError whether the run failed
 * @param error why the run failed, or empty
 * @param sessionId the agent's session id, or empty
 * @param usage reported token counts
 * @param costUsd reported cost in US dollars, or null
 * @param durationMs run time in milliseconds as measured by the server
 * @param numTurns reported agentic turns, or null
 */
public record TurnResult(
        String text,
        boolean isError,
        String error,
        String sessionId,
        AgentUsage usage,
        Double costUsd,
        Long durationMs,
        Integer numTurns) {

    public TurnResult {
        text = Objects.requireNonNullElse(text, "");
        error = Objects.requireNonNullElse(error, "");
        sessionId = Objects.requireNonNullElse(sessionId, "");
        usage = Objects.requireNonNullElse(usage, AgentUsage.NONE);
    }

    /** Returns a failed result with a reason and no usage. */
    public static TurnResult failure(String error, String sessionId, long durationMs) {
        return new TurnResult("", true, error, sessionId, AgentUsage.NONE, null, durationMs, null);
    }
}
