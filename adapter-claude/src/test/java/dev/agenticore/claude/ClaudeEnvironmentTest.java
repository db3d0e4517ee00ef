package dev.agenticore.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.agent.AgentInvocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaudeEnvironmentTest {
    private static final AgentInvocation INVOCATION =
            Invocations.invocation(Invocations.plainProfile(), Path.of("/work"), Path.of("/config"));

    private static ClaudeCodeSettings settings(OtelSettings otel) {
        return new ClaudeCodeSettings(null, null, Map.of("EXTRA", "extra"), otel, null, null);
    }

    @Test
    void defaultDenyListDropsSecrets() {
        Map<String, String> server = Map.of(
                "PATH", "/usr/bin",
                "REDIS_URL", "redis://127.0.0.1:6379",
                "AGENTICORE_API_KEYS", "k1",
                "GITHUB_APP_PRIVATE_KEY", "pem",
                "GITHUB_APP_PRIVATE_KEY_BASE64", "cGVt",
                "GITHUB_APP_PRIVATE_KEY_PATH", "/keys/app.pem",
                "GITHUB_TOKEN", "ghs_token");

        Map<String, String> environment = ClaudeEnvironment.build(server, ClaudeCodeSettings.defaults(), INVOCATION);

        assertThat(environment).containsEntry("PATH", "/usr/bin");
        assertThat(environment).containsEntry("GITHUB_TOKEN", "ghs_token");
        assertThat(environment)
                .doesNotContainKeys(
                        "REDIS_URL",
                        "AGENTICORE_API_KEYS",
                        "GITHUB_APP_PRIVATE_KEY",
                        "GITHUB_APP_PRIVATE_KEY_BASE64",
                        "GITHUB_APP_PRIVATE_KEY_PATH");
    }

    @Test
    void denyEntryWithStarMatchesPrefix() {
        Set<String> denied = Set.of("SECRET_*", "EXACT");

        assertThat(ClaudeEnvironment.isDenied("SECRET_ONE", denied)).isTrue();
        assertThat(ClaudeEnvironment.isDenied("EXACT", denied)).isTrue();
        assertThat(ClaudeEnvironment.isDenied("EXACTLY", denied)).isFalse();
        assertThat(ClaudeEnvironment.isDenied("MY_SECRET_ONE", denied)).isFalse();
    }

    @Test
    void laterSourcesOverrideEarlier() {
        AgentInvocation invocation = Invocations.withEnvironment(INVOCATION, Map.of("EXTRA", "job", "JOB_ONLY", "1"));

        Map<String, String> environment = ClaudeEnvironment.build(
                Map.of("EXTRA", "server", "HOME", "/home/app"), settings(OtelSettings.disabled()), invocation);

        assertThat(environment).containsEntry("EXTRA", "job");
        assertThat(environment).containsEntry("JOB_ONLY", "1");
        assertThat(environment).containsEntry("HOME", "/home/app");
    }

    @Test
    void telemetryDisabledAddsNothing() {
        Map<String, String> environment =
                ClaudeEnvironment.build(Map.of(), settings(OtelSettings.disabled()), INVOCATION);

        assertThat(environment).doesNotContainKeys("CLAUDE_CODE_ENABLE_TELEMETRY", "OTEL_METRICS_EXPORTER");
    }

    @Test
    void telemetryEnabledAddsOtelVariables() {
        OtelSettings otel = new OtelSettings(true, "http/protobuf", "http://127.0.0.1:4318", false, true);

        Map<String, String> environment = ClaudeEnvironment.build(Map.of(), settings(otel), INVOCATION);

        assertThat(environment)
                .containsEntry("CLAUDE_CODE_ENABLE_TELEMETRY", "1")
                .containsEntry("OTEL_METRICS_EXPORTER", "otlp")
                .containsEntry("OTEL_LOGS_EXPORTER", "otlp")
                .containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")
                .containsEntry("OTEL_LOG_USER_PROMPTS", "0")
                .containsEntry("OTEL_LOG_TOOL_DETAILS", "1");
    }

    @Test
    void telemetryWithoutEndpointKeepsCliDefault() {
        OtelSettings otel = new OtelSettings(true, null, null, true, false);

        Map<String, String> environment = ClaudeEnvironment.build(Map.of(), settings(otel), INVOCATION);

        assertThat(environment).doesNotContainKey("OTEL_EXPORTER_OTLP_ENDPOINT");
        assertThat(environment).containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
        assertThat(environment).containsEntry("OTEL_LOG_USER_PROMPTS", "1");
    }

    @Test
    void cloudflareCredentialsBecomeHeaderLines() {
        Map<String, String> server = Map.of("CF_ACCESS_CLIENT_ID", "id.access", "CF_ACCESS_CLIENT_SECRET", "s3cret");

        Map<String, String> environment = ClaudeEnvironment.build(server, ClaudeCodeSettings.defaults(), INVOCATION);

        assertThat(environment)
                .containsEntry(
                        "ANTHROPIC_CUSTOM_HEADERS", "CF-Access-Client-Id: id.access\nCF-Access-Client-Secret: s3cret");
    }

    @Test
    void existingCustomHeadersWin() {
        Map<String, String> server = Map.of(
                "CF_ACCESS_CLIENT_ID", "id", "CF_ACCESS_CLIENT_SECRET", "secret", "ANTHROPIC_CUSTOM_HEADERS", "X-A: b");

        Map<String, String> environment = ClaudeEnvironment.build(server, ClaudeCodeSettings.defaults(), INVOCATION);

        assertThat(environment).containsEntry("ANTHROPIC_CUSTOM_HEADERS", "X-A: b");
    }

    @Test
    void cloudflareIdAloneAddsNoHeaders() {
        Map<String, String> server = Map.of("CF_ACCESS_CLIENT_ID", "id");

        Map<String, String> environment = ClaudeEnvironment.build(server, ClaudeCodeSettings.defaults(), INVOCATION);

        assertThat(environment).doesNotContainKey("ANTHROPIC_CUSTOM_HEADERS");
    }

    @Test
    void oauthTokenRemovesAuthToken() {
        Map<String, String> server = Map.of("CLAUDE_CODE_OAUTH_TOKEN", "oauth", "ANTHROPIC_AUTH_TOKEN", "bearer");

        Map<String, String> environment = ClaudeEnvironment.build(server, ClaudeCodeSettings.defaults(), INVOCATION);

        assertThat(environment).containsEntry("CLAUDE_CODE_OAUTH_TOKEN", "oauth");
        assertThat(environment).doesNotContainKey("ANTHROPIC_AUTH_TOKEN");
    }

    @Test
    void authTokenStaysWithoutOauthToken() {
        Map<String, String> server = Map.of("ANTHROPIC_AUTH_TOKEN", "bearer");

        Map<String, String> environment = ClaudeEnvironment.build(server, ClaudeCodeSettings.defaults(), INVOCATION);

        assertThat(environment).containsEntry("ANTHROPIC_AUTH_TOKEN", "bearer");
    }
}
