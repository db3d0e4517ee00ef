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
 * @param keepAliveInterval how often the server pings open MCP sessions
 * @param maxBodyBytes largest accepted request body in bytes; set it to the REST API's limit
 */
public record McpHttpSettings(
        ApiKeyCheck apiKeyCheck,
        List<String> allowedHosts,
        List<String> allowedOrigins,
        boolean dnsRebindingProtection,
        Duration keepAliveInterval,
        long maxBodyBytes) {

    /** Default ping interval of open sessions. */
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(20);
    /** Default largest request body, 1 MiB, the same as the REST API's default. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public McpHttpSettings {
        Objects.requireNonNull(apiKeyCheck, "apiKeyCheck must not be null; use ApiKeyCheck.ADMIT_ALL without keys");
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
        requirePositive(keepAliveInterval, "keepAliveInterval");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
    }

    /**
     * Returns settings with DNS rebinding protection on, only loopback hosts and origins allowed, and
     * a 1 MiB body limit.
     */
    public static McpHttpSettings defaults(ApiKeyCheck apiKeyCheck) {
        return new McpHttpSettings(
                apiKeyCheck, List.of(), List.of(), true, DEFAULT_KEEP_ALIVE_INTERVAL, DEFAULT_MAX_BODY_BYTES);
    }

    /** Returns a copy that also accepts these {@code Host} header values. */
    public McpHttpSettings withAllowedHosts(List<String> hosts) {
        return new McpHttpSettings(
                apiKeyCheck, hosts, allowedOrigins, dnsRebindingProtection, keepAliveInterval, maxBodyBytes);
    }

    /** Returns a copy that also accepts these browser origins. */
    public McpHttpSettings withAllowedOrigins(List<String> origins) {
        return new McpHttpSettings(
                apiKeyCheck, allowedHosts, origins, dnsRebindingProtection, keepAliveInterval, maxBodyBytes);
    }

    /** Returns a copy with DNS rebinding protection switched on or off. */
    public McpHttpSettings withDnsRebindingProtection(boolean enabled) {
        return new McpHttpSettings(apiKeyCheck, allowedHosts, allowedOrigins, enabled, keepAliveInterval, maxBodyBytes);
    }

    /** Returns a copy with another session ping interval. */
    public McpHttpSettings withKeepAliveInterval(Duration value) {
        return new McpHttpSettings(
                apiKeyCheck, allowedHosts, allowedOrigins, dnsRebindingProtection, value, maxBodyBytes);
    }

    /** Returns a copy with another request body limit in bytes. */
    public McpHttpSettings withMaxBodyBytes(long value) {
        return new McpHttpSettings(
                apiKeyCheck, allowedHosts, allowedOrigins, dnsRebindingProtection, keepAliveInterval, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
