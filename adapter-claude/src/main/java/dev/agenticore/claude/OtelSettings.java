package dev.agenticore.claude;

import java.util.Objects;

/**
 * OpenTelemetry export settings that the runner passes to Claude Code as environment variables.
 *
 * @param enabled whether Claude Code exports metrics and logs at all
 * @param protocol OTLP protocol, such as {@code grpc} or {@code http/protobuf}, never null
 * @param endpoint OTLP collector address, or empty to leave Claude Code's default
 * @param logUserPrompts whether exported logs may contain the prompt text
 * @param logToolDetails whether exported logs may contain tool parameters
 */
public record OtelSettings(
        boolean enabled, String protocol, String endpoint, boolean logUserPrompts, boolean logToolDetails) {

    /** OTLP protocol used when none is configured. */
    public static final String DEFAULT_PROTOCOL = "grpc";

    /** Normalizes a null or blank protocol to {@link #DEFAULT_PROTOCOL} and a null endpoint to empty. */
    public OtelSettings {
        protocol = protocol == null || protocol.isBlank() ? DEFAULT_PROTOCOL : protocol;
        endpoint = Objects.requireNonNullElse(endpoint, "");
    }

    /** Returns settings that export nothing. */
    public static OtelSettings disabled() {
        return new OtelSettings(false, DEFAULT_PROTOCOL, "", false, false);
    }
}
