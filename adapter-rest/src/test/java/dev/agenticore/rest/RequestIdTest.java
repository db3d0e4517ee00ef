package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Request ids on a real server. The MDC entry is checked by the app module's JSON log test, because
 * the slf4j-simple binding of these tests keeps no MDC.
 */
@Timeout(30)
class RequestIdTest {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RestServer server;

    @BeforeEach
    void startServer() {
        server = RestServer.builder(RestSettings.loopback(0).withApiKeys(List.of("key")))
                .routes(new HealthRoutes(java.util.Map::of))
                .routes(routes -> routes.get("/private", ctx -> ctx.result("ok")))
                .build()
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void validIdIsEchoed() throws Exception {
        HttpResponse<String> response = send("/health", "client-id 42/abc");

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("client-id 42/abc");
    }

    @Test
    void missingIdIsGenerated() throws Exception {
        HttpResponse<String> response = send("/health", null);

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void generatedIdsAreRandomVersion4() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.randomId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).as(id).isEqualTo(4);
            assertThat(uuid.variant()).as(id).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void tooLongIdIsReplaced() throws Exception {
        String longId = "a".repeat(RequestIds.MAX_LENGTH + 1);

        HttpResponse<String> response = send("/health", longId);

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).isNotEqualTo(longId);
        assertThat(id).hasSize(36);
    }

    @Test
    void longestAllowedIdIsKept() throws Exception {
        String longest = "b".repeat(RequestIds.MAX_LENGTH);

        assertThat(send("/health", longest).headers().firstValue("X-Request-Id"))
                .hasValue(longest);
    }

    @Test
    void rejectedAndUnknownRequestsCarryId() throws Exception {
        HttpResponse<String> unauthorized = send("/private", "denied-1");
        HttpResponse<String> missing = send("/nowhere?api_key=key", "missing-1");

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("X-Request-Id")).hasValue("denied-1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Request-Id")).hasValue("missing-1");
    }

    @Test
    void validationAcceptsPrintableAsciiOnly() {
        assertThat(RequestIds.isValid("abc-123")).isTrue();
        assertThat(RequestIds.isValid("with space")).isTrue();
        assertThat(RequestIds.isValid("")).isFalse();
        assertThat(RequestIds.isValid("   ")).isFalse();
        assertThat(RequestIds.isValid(null)).isFalse();
        assertThat(RequestIds.isValid("tab\there")).isFalse();
        assertThat(RequestIds.isValid("line\nbreak")).isFalse();
        assertThat(RequestIds.isValid("caf\u00e9")).isFalse();
    }

    private HttpResponse<String> send(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
