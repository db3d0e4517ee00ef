package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API keys, {@code Host} and {@code Origin} on the MCP paths, checked with plain HTTP requests. */
@Timeout(30)
class McpAccessTest {
    private static final String UNAUTHORIZED = "{\"error\":\"Invalid or missing API key\"}";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"access-test\",\"version\":\"1\"}}}";

    private McpFixture fixture;

    @BeforeEach
    void startServer() throws Exception {
        fixture = McpFixture.withKey();
    }

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    @ParameterizedTest
    @CsvSource({"X-Api-Key, mcp-test-key", "Authorization, Bearer mcp-test-key", "Authorization, bearer mcp-test-key"})
    void initializeWithKeyHeaderSucceeds(String header, String value) throws Exception {
        HttpResponse<String> response = fixture.send(initialize("/mcp").header(header, value));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"serverInfo\"").contains("agenticore");
    }

    @Test
    void initializeWithQueryKeySucceeds() throws Exception {
        HttpResponse<String> response = fixture.send(initialize("/mcp?api_key=" + McpFixture.KEY));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void requestsWithoutKeyAreUnauthorized() throws Exception {
        for (String path : List.of("/mcp", "/messages?sessionId=x")) {
            HttpResponse<String> response = fixture.send(initialize(path));

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).isEqualTo(UNAUTHORIZED);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
        HttpResponse<String> sse = fixture.send(request("/sse").GET());
        assertThat(sse.statusCode()).isEqualTo(401);
        assertThat(sse.body()).isEqualTo(UNAUTHORIZED);
    }

    @ParameterizedTest
    @CsvSource({"X-Api-Key, wrong", "Authorization, Bearer wrong", "Authorization, mcp-test-key"})
    void wrongKeyIsUnauthorized(String header, String value) throws Exception {
        HttpResponse<String> response = fixture.send(initialize("/mcp").header(header, value));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void wrongQueryKeyIsUnauthorized() throws Exception {
        HttpResponse<String> response = fixture.send(initialize("/mcp?api_key=wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void sseSessionOpenedWithQueryKeyAcceptsMessages() throws Exception {
        HttpResponse<Stream<String>> stream = fixture.client.send(
                request("/sse?api_key=" + McpFixture.KEY)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = stream.body()) {
            Iterator<String> events = lines.iterator();
            String endpoint = nextData(events);

            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(endpoint).startsWith("/messages?sessionId=").doesNotContain("api_key");
            HttpResponse<String> initialize = fixture.send(request(endpoint)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));
            assertThat(initialize.statusCode()).as(initialize.body()).isEqualTo(202);
            assertThat(nextData(events)).contains("\"serverInfo\"");
        }
    }

    @Test
    void messageForSessionOfOtherStreamNeedsKey() throws Exception {
        HttpResponse<String> response = fixture.send(request("/messages?sessionId=" + UUID.randomUUID())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** Returns the data of the next event on an SSE stream. */
    private static String nextData(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                return line.substring("data:".length()).strip();
            }
        }
        throw new AssertionError("the SSE stream ended before the next event");
    }

    @Test
    void foreignOriginIsForbidden() throws Exception {
        HttpResponse<String> response = fixture.send(
                initialize("/mcp").header("X-Api-Key", McpFixture.KEY).header("Origin", "http://evil.example"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .isEqualTo("{\"success\":false,\"error\":\"Origin 'http://evil.example' is not allowed;"
                        + " add it to the MCP allowed origins to accept it\"}");
    }

    @Test
    void foreignOriginIsForbiddenOnSse() throws Exception {
        HttpResponse<String> response = fixture.send(request("/sse")
                .header("X-Api-Key", McpFixture.KEY)
                .header("Origin", "https://evil.example")
                .GET());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void loopbackOriginIsAccepted() throws Exception {
        HttpResponse<String> response = fixture.send(
                initialize("/mcp").header("X-Api-Key", McpFixture.KEY).header("Origin", "http://localhost:6274"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void foreignHostIsForbidden() throws Exception {
        String response = rawPost("/mcp", "evil.example:" + fixture.server.port());

        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(response).contains("Host 'evil.example:");
    }

    @Test
    void restRoutesStillAnswer() throws Exception {
        assertThat(fixture.restGet("/profiles").path("count").asInt()).isEqualTo(2);
        HttpResponse<String> withoutKey = fixture.send(request("/jobs").GET());
        assertThat(withoutKey.statusCode()).isEqualTo(401);
    }

    @Test
    void serverWithoutKeysAdmitsEveryone() throws Exception {
        try (McpFixture open = new McpFixture(InMemoryServices.quick(), List.of(), null)) {
            HttpResponse<String> response = open.send(HttpRequest.newBuilder(URI.create(open.url("/mcp")))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(fixture.url(path)));
    }

    private HttpRequest.Builder initialize(String path) {
        return request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
    }

    /** Sends a request with a chosen {@code Host} header, which Java's HTTP client does not allow. */
    private String rawPost(String path, String host) throws IOException {
        byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nX-Api-Key: " + McpFixture.KEY
                + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
