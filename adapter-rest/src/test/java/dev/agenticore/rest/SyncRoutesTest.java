package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.sync.ContentSource;
import dev.agenticore.core.sync.SyncService;
import dev.agenticore.core.sync.SyncTarget;
import dev.agenticore.core.workspace.GitException;
import dev.agenticore.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SyncRoutesTest {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> updated = new CopyOnWriteArrayList<>();
    private RestServer server;

    @BeforeEach
    void startServer() {
        SyncService sync = new SyncService(
                List.of(
                        new ContentSource(SyncTarget.BUNDLE, "https://example.invalid/bundle.git", "main"),
                        new ContentSource(SyncTarget.AGENTIHUB, "https://example.invalid/hub.git", "main")),
                (url, branch, directory) -> {
                    if (url.contains("hub")) {
                        throw new GitException("fetch from " + url + " failed: connection refused");
                    }
                    updated.add(directory.getFileName().toString());
                },
                Path.of("/tmp/agenticore-sync-routes"),
                false);
        server = RestServer.builder(RestSettings.loopback(0).withApiKeys(List.of("key")))
                .routes(new SyncRoutes(sync))
                .build()
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void defaultTargetSyncsEverything() throws Exception {
        HttpResponse<String> response = post("/admin/sync", "key");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.size()).isEqualTo(3);
        assertThat(body.get("agentihooks").asText()).isEqualTo("skipped (no url)");
        assertThat(body.get("bundle").asText()).isEqualTo("ok");
        assertThat(body.get("agentihub").asText())
                .isEqualTo("error: fetch from https://example.invalid/hub.git failed: connection refused");
        assertThat(updated).containsExactly("bundle");
    }

    @Test
    void singleTargetReturnsOnlyItsKey() throws Exception {
        HttpResponse<String> response = post("/admin/sync?target=bundle", "key");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"bundle\":\"ok\"}");
    }

    @Test
    void unknownTargetIsBadRequest() throws Exception {
        HttpResponse<String> response = post("/admin/sync?target=everything", "key");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"success\":false,\"error\":\"invalid target 'everything'; expected one of: "
                        + "all, agentihooks, bundle, agentihub\"}");
        assertThat(updated).isEmpty();
    }

    @Test
    void syncNeedsApiKey() throws Exception {
        HttpResponse<String> response = post("/admin/sync", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(updated).isEmpty();
    }

    private HttpResponse<String> post(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
