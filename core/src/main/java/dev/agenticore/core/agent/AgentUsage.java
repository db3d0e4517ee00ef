package dev.agenticore.core.agent;

/**
 * Token counts the model reported for a run.
 *
 * @param inputTokens tokens read from the prompt, not counting the cache
 * @param outputTokens tokens generated
 * @param cacheReadInputTokens prompt tokens served from the cache
 * @param cacheCreationInputTokens prompt tokens written to the cache
 */
public record AgentUsage(
        long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheCreationInputTokens) {

    /** Usage of a run that reported none. */
    public static final AgentUsage NONE = new AgentUsage(0, 0, 0, 0);
}
