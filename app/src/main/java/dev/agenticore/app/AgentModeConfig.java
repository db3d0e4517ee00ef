package dev.agenticore.app;

import dev.agenticore.core.chat.AgentModeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Agent-mode configuration: whether the server is one named agent for chat clients, and how.
 *
 * @param enabled whether agent mode is on ({@code AGENT_MODE})
 * @param settings the agent's settings, or null when agent mode is off
 * @param profile name of the profile the agent runs with ({@code AGENT_MODE_PROFILE}), or empty for
 *     the server's default profile
 * @param keepAliveInterval quiet time after which a chat stream gets a keep-alive comment
 * @param completionSweepInterval time between two checks, on a server with Redis, for unfinished
 *     completions of nodes whose heartbeat has lapsed
 */
public record AgentModeConfig(
        boolean enabled,
        AgentModeSettings settings,
        String profile,
        Duration keepAliveInterval,
        Duration completionSweepInterval) {

    /** Agent mode switched off. */
    public static final AgentModeConfig DISABLED =
            new AgentModeConfig(false, null, "", Duration.ofSeconds(15), Duration.ofSeconds(60));

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    /**
     * Reads the agent-mode variables; with {@code AGENT_MODE} off the others are not read.
     *
     * @param defaultSweepInterval the completion sweep interval when none is configured: the lease
     *     timeout of the cluster
     * @throws ConfigException when the package directory is missing or the agent id is not a safe
     *     file name
     */
    static AgentModeConfig load(ConfigSource source, Path home, Duration defaultSweepInterval) {
        if (!source.bool("AGENT_MODE", "agent_mode.enabled", false)) {
            return DISABLED;
        }
        Path packageDirectory = source.path("AGENT_MODE_PACKAGE_DIR", "agent_mode.package_dir", null);
        if (packageDirectory == null || !Files.isDirectory(packageDirectory)) {
            throw new ConfigException(
                    "AGENT_MODE_PACKAGE_DIR must name an existing agent package directory, got " + packageDirectory);
        }
        String model =
                source.string("AGENT_MODE_MODEL_NAME", "agent_mode.model_name", AgentModeSettings.DEFAULT_MODEL_NAME);
        String agentId = source.string("AGENT_MODE_AGENT_ID", "agent_mode.agent_id", model);
        if (!SAFE_ID.matcher(agentId).matches()) {
            throw new ConfigException("AGENT_MODE_AGENT_ID '" + agentId
                    + "' is invalid: use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        AgentModeSettings settings = new AgentModeSettings(
                model,
                agentId,
                packageDirectory.toAbsolutePath(),
                home.resolve("agent").resolve("runs"),
                Duration.ofSeconds(source.integer("AGENT_MODE_TIMEOUT", "agent_mode.timeout", 3600, 1, 86_400)),
                source.bool("AGENTICORE_CONV_HASH_FALLBACK", "agent_mode.conv_hash_fallback", true),
                source.integer("AGENT_MODE_MAX_QUEUED", "agent_mode.max_queued", 100, 1, 100_000));
        return new AgentModeConfig(
                true,
                settings,
                source.string("AGENT_MODE_PROFILE", "agent_mode.profile", ""),
                Duration.ofSeconds(
                        source.integer("AGENT_MODE_KEEPALIVE_INTERVAL", "agent_mode.keepalive_interval", 15, 1, 3600)),
                Duration.ofSeconds(source.integer(
                        "AGENT_MODE_COMPLETION_SWEEP_INTERVAL",
                        "agent_mode.completion_sweep_interval",
                        Math.toIntExact(defaultSweepInterval.toSeconds()),
                        1,
                        Integer.MAX_VALUE)));
    }
}
