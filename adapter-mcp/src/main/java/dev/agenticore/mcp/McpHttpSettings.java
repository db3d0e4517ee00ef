package dev.agenticore.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the MCP endpoints on the HTTP server.
 *
 * @param apiKeyCheck the API key check, shared with the REST API
 * @param allowedHosts {@code Host} header values accepted besides loopback ones, such as {@code
 *     agenticore.internal} or {@code agenticore.internal:8200}
 * @param allowedOrigins browser origins accepted besides loopback ones, such as {@code
 *     https://console.example.com}
 * @param dnsRebindingProtection whether {@code Host} and {@code Origin} are checked at all
 * @param idleTimeout how long an MCP connection may stay silent, for example while {@code run_task}
 *     waits for a job; it replaces the HTTP server's shorter idle timeout on MCP requests only
 * @param keepAliveInterval how often the server pings open MCP sessions
 */
public record McpHttpSettings(
        ApiKeyCheck apiKeyCheck,
        List<String> allowedHosts,
        List<String> allowedOrigins,
        boolean dnsRebindingProtection,
        Duration idleTimeout,
        Duration keepAliveInterval) {

    /**
     * Default idle timeout: the job service's default wait limit of one hour plus five minutes, so
     * that a {@code run_task} call with {@code wait=true} ends before its connection does.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(65);

    /** Default ping interval of open sessions. */
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(20);

    public McpHttpSettings {
        Objects.requireNonNull(apiKeyCheck, "apiKeyCheck must not be null; use ApiKeyCheck.ADMIT_ALL without keys");
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(keepAliveInterval, "keepAliveInterval");
    }

    /** Returns settings with DNS rebinding protection on, only loopback hosts and origins allowed. */
    public static McpHttpSettings defaults(ApiKeyCheck apiKeyCheck) {
        return new McpHttpSettings(
                apiKeyCheck, List.of(), List.of(), true, DEFAULT_IDLE_TIMEOUT, DEFAULT_KEEP_ALIVE_INTERVAL);
    }

    /** Returns a copy that also accepts these {@code Host} header values. */
    public McpHttpSettings withAllowedHosts(List<String> hosts) {
        return new McpHttpSettings(
                apiKeyCheck, hosts, allowedOrigins, dnsRebindingProtection, idleTimeout, keepAliveInterval);
    }

    /** Returns a copy that also accepts these browser origins. */
    public McpHttpSettings withAllowedOrigins(List<String> origins) {
        return new McpHttpSettings(
                apiKeyCheck, allowedHosts, origins, dnsRebindingProtection, idleTimeout, keepAliveInterval);
    }

    /** Returns a copy with DNS rebinding protection switched on or off. */
    public McpHttpSettings withDnsRebindingProtection(boolean enabled) {
        return new McpHttpSettings(apiKeyCheck, allowedHosts, allowedOrigins, enabled, idleTimeout, keepAliveInterval);
    }

    /** Returns a copy with another idle timeout; set it above the job service's wait limit. */
    public McpHttpSettings withIdleTimeout(Duration value) {
        return new McpHttpSettings(
                apiKeyCheck, allowedHosts, allowedOrigins, dnsRebindingProtection, value, keepAliveInterval);
    }

    /** Returns a copy with another session ping interval. */
    public McpHttpSettings withKeepAliveInterval(Duration value) {
        return new McpHttpSettings(
                apiKeyCheck, allowedHosts, allowedOrigins, dnsRebindingProtection, idleTimeout, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
