package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gzip compression of JSON responses on a real server. */
@Timeout(30)
class CompressionTest {
    private static final String LARGE_TEXT = "line of agent output\n".repeat(500);

    private final HttpClient client = HttpClient.newHttpClient();
    private RestServer server;

    @BeforeEach
    void startServer() {
        server = RestServer.builder(RestSettings.loopback(0))
                .routes(routes -> {
                    routes.get("/large", ctx -> JsonResponses.send(ctx, 200, Map.of("output", LARGE_TEXT)));
                    routes.get("/small", ctx -> JsonResponses.send(ctx, 200, Map.of("output", "short")));
                })
                .build()
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void largeJsonIsGzipped() throws Exception {
        HttpResponse<InputStream> response = get("/large", "gzip");

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream body = new GZIPInputStream(response.body())) {
            String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(Json.mapper().readTree(json).path("output").asText()).isEqualTo(LARGE_TEXT);
        }
    }

    @Test
    void largeJsonIsPlainWithoutAcceptEncoding() throws Exception {
        HttpResponse<InputStream> response = get("/large", null);

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(Json.mapper().readTree(read(response)).path("output").asText())
                .isEqualTo(LARGE_TEXT);
    }

    @Test
    void smallJsonIsPlain() throws Exception {
        HttpResponse<InputStream> response = get("/small", "gzip");

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(read(response)).isEqualTo("{\"output\":\"short\"}");
    }

    private HttpResponse<InputStream> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String read(HttpResponse<InputStream> response) throws IOException {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
