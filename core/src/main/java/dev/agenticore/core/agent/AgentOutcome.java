package dev.agenticore.core.agent;

import java.util.Objects;

/**
 * How an agent run ended.
 *
 * @param exitCode exit code of the agent process
 * @param result the agent's final answer, or empty
 * @param isError whether the agent reported an error result
 * @param errorText why the run failed, in the agent's own words (its error result or standard
 *     error), or empty
 * @param sessionId Claude session id, or empty when none was seen
 * @param costUsd reported cost in US dollars, or null
 * @param numTurns reported agentic turns, or null
 * @param durationMs reported run time in milliseconds, or null
 * @param usage reported token counts
 */
public record AgentOutcome(
        int exitCode,
        String result,
        boolean isError,
        String errorText,
        String sessionId,
        Double costUsd,
        Integer numTurns,
        Long durationMs,
        AgentUsage usage) {

    public AgentOutcome {
        result = result == null ? "" : result;
        errorText = errorText == null ? "" : errorText;
        sessionId = sessionId == null ? "" : sessionId;
        usage = Objects.requireNonNullElse(usage, AgentUsage.NONE);
    }

    /** Returns true when the process exited 0 and reported no error. */
    public boolean succeeded() {
        return exitCode == 0 && !isError;
    }
}
