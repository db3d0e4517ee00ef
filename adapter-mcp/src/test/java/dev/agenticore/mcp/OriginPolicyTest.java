package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginPolicyTest {
    private final OriginPolicy policy = new OriginPolicy(
            true, List.of("agenticore.internal", "mcp.example.com:8200"), List.of("https://console.example.com/"));

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:8200",
        "localhost",
        "LOCALHOST:80",
        "[::1]:8200",
        "127.1.2.3:9",
        "agenticore.internal",
        "agenticore.internal:443",
        "mcp.example.com:8200"
    })
    void acceptsLoopbackAndConfiguredHosts(String host) {
        assertThat(policy.problem(host, null)).as(host).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"evil.example", "evil.example:8200", "mcp.example.com:9999", "127.0.0.1.evil.example", "0.0.0.0:8200"})
    void rejectsOtherHosts(String host) {
        assertThat(policy.problem(host, null))
                .as(host)
                .hasValueSatisfying(problem -> assertThat(problem).contains("Host '" + host + "'"));
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost:5173",
        "http://127.0.0.1",
        "https://[::1]:3000",
        "https://console.example.com",
        "https://agenticore.internal"
    })
    void acceptsLoopbackAndConfiguredOrigins(String origin) {
        assertThat(policy.problem("127.0.0.1:8200", origin)).as(origin).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"http://evil.example", "null", "https://console.example.com:8443", "file://localhost", "not a url"})
    void rejectsOtherOrigins(String origin) {
        assertThat(policy.problem("127.0.0.1:8200", origin))
                .as(origin)
                .hasValueSatisfying(problem -> assertThat(problem).contains("Origin '" + origin + "'"));
    }

    @Test
    void missingHeadersPass() {
        assertThat(policy.problem(null, null)).isEmpty();
    }

    @Test
    void disabledPolicyAcceptsEverything() {
        OriginPolicy disabled = new OriginPolicy(false, List.of(), List.of());

        assertThat(disabled.problem("evil.example", "http://evil.example")).isEmpty();
    }
}
