package dev.agenticore.claude;

import dev.agenticore.core.agent.AgentInvocation;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the environment of a Claude Code process. Stateless and thread-safe. */
final class ClaudeEnvironment {
    static final String CUSTOM_HEADERS = "ANTHROPIC_CUSTOM_HEADERS";
    static final String CF_ACCESS_CLIENT_ID = "CF_ACCESS_CLIENT_ID";
    static final String CF_ACCESS_CLIENT_SECRET = "CF_ACCESS_CLIENT_SECRET";
    static final String OAUTH_TOKEN = "CLAUDE_CODE_OAUTH_TOKEN";
    static final String AUTH_TOKEN = "ANTHROPIC_AUTH_TOKEN";

    private ClaudeEnvironment() {}

    /**
     * Returns the agent's environment, applied in this order: the server's environment minus the
     * denied names, the settings' extra variables, the invocation's variables, the OpenTelemetry
     * variables, then the Cloudflare Access headers and the OAuth rule.
     *
     * @param server the server's own environment, such as {@link System#getenv()}
     * @return a new mutable map
     */
    static Map<String, String> build(
            Map<String, String> server, ClaudeCodeSettings settings, AgentInvocation invocation) {
        Map<String, String> environment = new TreeMap<>();
        server.forEach((name, value) -> {
            if (!isDenied(name, settings.deniedEnvironment())) {
                environment.put(name, value);
            }
        });
        environment.putAll(settings.extraEnvironment());
        environment.putAll(invocation.environment());
        addTelemetry(environment, settings.otel());
        addCloudflareAccessHeaders(environment);
        if (isSet(environment, OAUTH_TOKEN)) {
            // The OAuth token is the credential the operator chose, so a leftover auth token must not compete.
            environment.remove(AUTH_TOKEN);
        }
        return environment;
    }

    /** Returns whether {@code name} is denied, by an exact entry or an entry ending in {@code *}. */
    static boolean isDenied(String name, Set<String> denied) {
        if (denied.contains(name)) {
            return true;
        }
        for (String entry : denied) {
            if (entry.endsWith("*") && name.startsWith(entry.substring(0, entry.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static void addTelemetry(Map<String, String> environment, OtelSettings otel) {
        if (!otel.enabled()) {
            return;
        }
        environment.put("CLAUDE_CODE_ENABLE_TELEMETRY", "1");
        environment.put("OTEL_METRICS_EXPORTER", "otlp");
        environment.put("OTEL_LOGS_EXPORTER", "otlp");
        environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", otel.protocol());
        if (!otel.endpoint().isBlank()) {
            environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", otel.endpoint());
        }
        environment.put("OTEL_LOG_USER_PROMPTS", otel.logUserPrompts() ? "1" : "0");
        environment.put("OTEL_LOG_TOOL_DETAILS", otel.logToolDetails() ? "1" : "0");
    }

    /**
     * Sends Cloudflare Access service-token headers with every API request when both credentials
     * are set and no custom headers are. The CLI reads {@code ANTHROPIC_CUSTOM_HEADERS} as {@code
     * Name: value} lines separated by newlines, as the Claude Code environment variable reference
     * states. Claude Code 2.1.197 sent both headers when given this value.
     */
    private static void addCloudflareAccessHeaders(Map<String, String> environment) {
        if (!isSet(environment, CF_ACCESS_CLIENT_ID)
                || !isSet(environment, CF_ACCESS_CLIENT_SECRET)
                || isSet(environment, CUSTOM_HEADERS)) {
            return;
        }
        environment.put(
                CUSTOM_HEADERS,
                "CF-Access-Client-Id: " + environment.get(CF_ACCESS_CLIENT_ID) + "\nCF-Access-Client-Secret: "
                        + environment.get(CF_ACCESS_CLIENT_SECRET));
    }

    private static boolean isSet(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isEmpty();
    }
}
