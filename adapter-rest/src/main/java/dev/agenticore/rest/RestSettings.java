package dev.agenticore.rest;

import java.util.List;
import java.util.Objects;

/**
 * Settings of the HTTP server.
 *
 * @param host address to bind, for example {@code 127.0.0.1}
 * @param port port to bind; 0 picks a free port
 * @param apiKeys accepted API keys; empty disables authentication
 * @param maxBodyBytes largest accepted request body in bytes
 */
public record RestSettings(String host, int port, List<String> apiKeys, long maxBodyBytes) {
    /** Default largest request body: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public RestSettings {
        Objects.requireNonNull(host, "host must not be null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        apiKeys = List.copyOf(apiKeys == null ? List.of() : apiKeys);
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("max_body_bytes must be positive, got " + maxBodyBytes);
        }
    }

    /** Returns settings for a loopback server on the given port with no API keys. */
    public static RestSettings loopback(int port) {
        return new RestSettings("127.0.0.1", port, List.of(), DEFAULT_MAX_BODY_BYTES);
    }

    /** Returns a copy with the given API keys. */
    public RestSettings withApiKeys(List<String> keys) {
        return new RestSettings(host, port, keys, maxBodyBytes);
    }
}
