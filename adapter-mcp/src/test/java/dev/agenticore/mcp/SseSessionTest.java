package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Messages of an HTTP+SSE session: accepted at once with 202, with replies on the stream. */
@Timeout(60)
class SseSessionTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"sse-test\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private McpFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = McpFixture.withKey();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void initializedSessionGetsRepliesOnTheStream() throws Exception {
        try (Stream<String> lines = openStream()) {
            Iterator<String> events = lines.iterator();
            String endpoint = nextData(events);

            HttpResponse<String> initialize = post(endpoint, INITIALIZE);
            JsonNode initialized = Json.mapper().readTree(nextData(events));
            HttpResponse<String> notification = post(endpoint, INITIALIZED);
            HttpResponse<String> list = post(endpoint, LIST_TOOLS);
            JsonNode tools = Json.mapper().readTree(nextData(events));

            assertThat(initialize.statusCode()).isEqualTo(202);
            assertThat(initialized.at("/result/serverInfo/name").asText()).isEqualTo("agenticore");
            assertThat(notification.statusCode()).isEqualTo(202);
            assertThat(list.statusCode()).isEqualTo(202);
            assertThat(tools.path("id").asInt()).isEqualTo(2);
            assertThat(tools.at("/result/tools/0/name").asText()).isEqualTo("run_task");
        }
    }

    @Test
    void earlyRequestGetsStreamError() throws Exception {
        try (Stream<String> lines = openStream()) {
            Iterator<String> events = lines.iterator();
            String endpoint = nextData(events);
            long sent = System.nanoTime();

            HttpResponse<String> list = post(endpoint, LIST_TOOLS);
            long accepted = System.nanoTime();
            JsonNode error = Json.mapper().readTree(nextData(events));

            assertThat(list.statusCode()).isEqualTo(202);
            assertThat(Duration.ofNanos(accepted - sent)).isLessThan(SseSessions.INITIALIZATION_WAIT);
            assertThat(error.path("id").asInt()).isEqualTo(2);
            assertThat(error.at("/error/code").asInt()).isEqualTo(-32600);
            assertThat(error.at("/error/message").asText()).contains("not initialized", "notifications/initialized");
        }
    }

    private Stream<String> openStream() throws Exception {
        HttpResponse<Stream<String>> stream = fixture.client.send(
                HttpRequest.newBuilder(URI.create(fixture.url("/sse")))
                        .header("X-Api-Key", McpFixture.KEY)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        return stream.body();
    }

    private HttpResponse<String> post(String endpoint, String body) throws Exception {
        return fixture.send(HttpRequest.newBuilder(URI.create(fixture.url(endpoint)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Returns the data of the next event that is not a ping from the server. */
    private static String nextData(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:") && !line.contains("\"method\":\"ping\"")) {
                return line.substring("data:".length()).strip();
            }
        }
        throw new AssertionError("the SSE stream ended before the next event");
    }
}
