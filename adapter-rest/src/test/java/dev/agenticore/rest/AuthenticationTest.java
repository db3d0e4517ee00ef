package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AuthenticationTest {
    private static final String UNAUTHORIZED = "{\"error\":\"Invalid or missing API key\"}";

    private RestFixture api;

    @BeforeEach
    void startServer() throws Exception {
        api = RestFixture.started(List.of("first-key", "second key&="));
    }

    @AfterEach
    void stopServer() {
        api.close();
    }

    @Test
    void requestWithoutKeyIsUnauthorized() throws Exception {
        HttpResponse<String> response = api.get("/jobs");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void wrongKeyIsUnauthorizedOnEveryRoute() throws Exception {
        for (String path : List.of("/jobs", "/jobs/x", "/profiles", "/jobs/x/events", "/unknown")) {
            HttpResponse<String> response =
                    api.send(HttpRequest.newBuilder(api.uri(path)).header("X-Api-Key", "wrong"));

            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> post = api.send(HttpRequest.newBuilder(api.uri("/jobs"))
                .header("X-Api-Key", "first-key-but-longer")
                .POST(HttpRequest.BodyPublishers.ofString("{\"task\": \"t\"}")));
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(api.store.list(null, 10)).isEmpty();
    }

    @Test
    void apiKeyHeaderIsAccepted() throws Exception {
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/jobs")).header("X-Api-Key", "first-key"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void bearerTokenIsAccepted() throws Exception {
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/profiles")).header("Authorization", "Bearer first-key"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void queryParameterIsAcceptedUrlDecoded() throws Exception {
        assertThat(api.get("/jobs?api_key=second%20key%26%3D&limit=1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void nonBearerAuthorizationDoesNotHideValidApiKeyHeader() throws Exception {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/jobs"))
                .header("Authorization", "Basic Zm9vOmJhcg==")
                .header("X-Api-Key", "first-key"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void healthStaysPublic() throws Exception {
        HttpResponse<String> response = api.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JobRoutesTest.json(response).get("status").asText()).isEqualTo("ok");
        assertThat(JobRoutesTest.json(response).get("service").asText()).isEqualTo("agenticore");
    }

    @Test
    void queryKeyIsRedactedForLogs() {
        assertThat(ApiKeyAuthentication.redactQuery("limit=2&api_key=secret&status=queued"))
                .isEqualTo("limit=2&api_key=REDACTED&status=queued");
        assertThat(ApiKeyAuthentication.redactQuery("api_key=secret")).isEqualTo("api_key=REDACTED");
    }
}
