package dev.agenticore.claude;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings for starting Claude Code. Immutable, so one instance may serve many runs at once.
 *
 * @param binary path or command name of the {@code claude} executable. A name without a slash is
 *     looked up on the agent's {@code PATH}.
 * @param deniedEnvironment names of server environment variables that the agent must not inherit.
 *     An entry ending in {@code *} denies every name with that prefix.
 * @param extraEnvironment variables added to every agent's environment
 * @param otel OpenTelemetry export settings
 * @param gracePeriod time between SIGTERM and SIGKILL when a run is cancelled
 * @param defaultMcpConfig {@code .mcp.json} whose servers every run gets, or null. A path that does
 *     not exist is ignored.
 */
public record ClaudeCodeSettings(
        String binary,
        Set<String> deniedEnvironment,
        Map<String, String> extraEnvironment,
        OtelSettings otel,
        Duration gracePeriod,
        Path defaultMcpConfig) {

    /** Executable name used when none is configured. */
    public static final String DEFAULT_BINARY = "claude";

    /** Time between SIGTERM and SIGKILL used when none is configured. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(10);

    /** Agenticore's own secrets, which the agent has no use for. */
    public static final Set<String> DEFAULT_DENIED_ENVIRONMENT = Set.of(
            "AGENTICORE_API_KEYS",
            "AGENTICORE_API_KEY",
            "GITHUB_APP_PRIVATE_KEY",
            "GITHUB_APP_PRIVATE_KEY_BASE64",
            "GITHUB_APP_PRIVATE_KEY_PATH",
            "REDIS_URL");

    /**
     * Applies the defaults to null or blank values.
     *
     * @throws IllegalArgumentException when the grace period is negative
     */
    public ClaudeCodeSettings {
        binary = binary == null || binary.isBlank() ? DEFAULT_BINARY : binary;
        deniedEnvironment = Set.copyOf(Objects.requireNonNullElse(deniedEnvironment, DEFAULT_DENIED_ENVIRONMENT));
        extraEnvironment = Map.copyOf(Objects.requireNonNullElse(extraEnvironment, Map.of()));
        otel = Objects.requireNonNullElse(otel, OtelSettings.disabled());
        gracePeriod = Objects.requireNonNullElse(gracePeriod, DEFAULT_GRACE_PERIOD);
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("gracePeriod must not be negative, got " + gracePeriod);
        }
    }

    /** Returns the default settings: {@code claude} from the {@code PATH}, no telemetry, 10 s grace. */
    public static ClaudeCodeSettings defaults() {
        return new ClaudeCodeSettings(null, null, null, null, null, null);
    }

    /** Returns a copy that starts the given executable. */
    public ClaudeCodeSettings withBinary(String newBinary) {
        return new ClaudeCodeSettings(
                newBinary, deniedEnvironment, extraEnvironment, otel, gracePeriod, defaultMcpConfig);
    }

    /** Returns a copy with another grace period between SIGTERM and SIGKILL. */
    public ClaudeCodeSettings withGracePeriod(Duration newGracePeriod) {
        return new ClaudeCodeSettings(
                binary, deniedEnvironment, extraEnvironment, otel, newGracePeriod, defaultMcpConfig);
    }
}
