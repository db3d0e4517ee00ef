package dev.agenticore.core.chat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of agent mode.
 *
 * @param modelName the name clients use as {@code model}, listed by {@code GET /v1/models}
 * @param agentId the id under which per-agent state (stream settings, conversations) is stored
 * @param packageDirectory the agent package: the agent runs here and reads {@code system.md},
 *     {@code CLAUDE.md}, {@code .claude/} and {@code .mcp.json} from it
 * @param runsDirectory where each run gets a configuration directory, deleted when the run ends
 * @param defaultTimeout longest run time of a request that sets no {@code timeout}
 * @param hashFallback whether requests without a conversation id resume by a hash of their first
 *     messages
 * @param maxQueuedCompletions asynchronous completions that may wait for an agent slot at once
 */
public record AgentModeSettings(
        String modelName,
        String agentId,
        Path packageDirectory,
        Path runsDirectory,
        Duration defaultTimeout,
        boolean hashFallback,
        int maxQueuedCompletions) {

    /** Model name used when none is configured. */
    public static final String DEFAULT_MODEL_NAME = "agenticore-agent";

    /** File of the package whose text is appended to the agent's system prompt. */
    public static final String SYSTEM_PROMPT_FILE = "system.md";

    /** MCP configuration file of the package. */
    public static final String MCP_FILE = ".mcp.json";

    public AgentModeSettings {
        modelName = modelName == null || modelName.isBlank() ? DEFAULT_MODEL_NAME : modelName.strip();
        agentId = agentId == null || agentId.isBlank() ? modelName : agentId.strip();
        Objects.requireNonNull(packageDirectory, "packageDirectory must not be null");
        Objects.requireNonNull(runsDirectory, "runsDirectory must not be null");
        if (defaultTimeout == null || defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("the agent-mode timeout must be positive, got " + defaultTimeout);
        }
        if (maxQueuedCompletions < 1) {
            throw new IllegalArgumentException(
                    "the queued completion limit must be at least 1, got " + maxQueuedCompletions);
        }
    }

    /** Returns the fields that {@code GET /health} adds in agent mode. */
    public Map<String, Object> healthDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("agent_mode", true);
        details.put("agent", agentId);
        details.put("model", modelName);
        return details;
    }
}
