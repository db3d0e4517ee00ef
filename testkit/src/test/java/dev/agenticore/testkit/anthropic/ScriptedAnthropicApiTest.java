package dev.agenticore.testkit.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ScriptedAnthropicApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MAIN_TURN = "{\"model\":\"m\",\"stream\":true,\"tools\":[{\"name\":\"Write\"}],"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String SIDE_REQUEST =
            "{\"model\":\"haiku\",\"messages\":[{\"role\":\"user\",\"content\":\"title?\"}]}";

    private final HttpClient client = HttpClient.newHttpClient();
    private ScriptedAnthropicApi api;

    @BeforeEach
    void startApi() {
        api = new ScriptedAnthropicApi().start();
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    @Test
    void streamingTextReplySendsTheEventSequence() throws Exception {
        api.enqueue(Reply.text("Hello from the scripted fake API"));

        HttpResponse<String> response = post("/v1/messages?beta=true", MAIN_TURN);
        List<Sse> events = parseEvents(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(events)
                .extracting(Sse::type)
                .containsExactly(
                        "message_start",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
        assertThat(events)
                .allSatisfy(
                        event -> assertThat(event.data().path("type").asText()).isEqualTo(event.type()));
        assertThat(joinDeltas(events, "text")).isEqualTo("Hello from the scripted fake API");
        JsonNode messageDelta = events.get(5).data();
        assertThat(messageDelta.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo(8);
        assertThat(events.get(0).data().path("message").path("model").asText()).isEqualTo("m");
    }

    @Test
    void thinkingAndToolUseStreamTheirDeltas() throws Exception {
        api.enqueue(
                Reply.thinking("Plan the file").thenToolUse("Write", Map.of("file_path", "/tmp/a", "content", "x")));

        List<Sse> events = parseEvents(post("/v1/messages", MAIN_TURN).body());

        List<String> deltaTypes = events.stream()
                .filter(event -> event.type().equals("content_block_delta"))
                .map(event -> event.data().path("delta").path("type").asText())
                .distinct()
                .toList();
        assertThat(deltaTypes).containsExactly("thinking_delta", "signature_delta", "input_json_delta");
        assertThat(joinDeltas(events, "thinking")).isEqualTo("Plan the file");
        JsonNode toolStart = events.stream()
                .filter(event ->
                        event.data().path("content_block").path("type").asText().equals("tool_use"))
                .findFirst()
                .orElseThrow()
                .data();
        assertThat(toolStart.path("index").asInt()).isEqualTo(1);
        assertThat(toolStart.path("content_block").path("id").asText()).startsWith("toolu_");
        assertThat(MAPPER.readTree(joinDeltas(events, "partial_json")))
                .isEqualTo(MAPPER.valueToTree(Map.of("file_path", "/tmp/a", "content", "x")));
        assertThat(events.get(events.size() - 2)
                        .data()
                        .path("delta")
                        .path("stop_reason")
                        .asText())
                .isEqualTo("tool_use");
    }

    @Test
    void nonStreamingRequestGetsOneJsonMessage() throws Exception {
        api.enqueue(
                Reply.text("plain").thenToolUse("Bash", Map.of("command", "ls")).withUsage(120, 7));

        HttpResponse<String> response = post("/v1/messages", MAIN_TURN.replace("\"stream\":true", "\"stream\":false"));
        JsonNode message = MAPPER.readTree(response.body());

        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("role").asText()).isEqualTo("assistant");
        assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("plain");
        assertThat(message.path("content").get(1).path("input").path("command").asText())
                .isEqualTo("ls");
        assertThat(message.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(120);
        assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void sideRequestLeavesTheScriptAlone() throws Exception {
        api.enqueue(Reply.text("scripted"));

        JsonNode side = MAPPER.readTree(post("/v1/messages", SIDE_REQUEST).body());

        assertThat(side.path("content").get(0).path("text").asText()).isEqualTo("OK");
        assertThat(api.pendingReplies()).isEqualTo(1);
        assertThat(api.requests()).hasSize(1);
        assertThat(api.mainTurnRequests()).isEmpty();
    }

    @Test
    void repliesAreConsumedInOrderThenDefault() throws Exception {
        api.enqueue(Reply.text("first"), Reply.text("second")).setDefaultReply(Reply.text("fallback"));

        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            texts.add(joinDeltas(parseEvents(post("/v1/messages", MAIN_TURN).body()), "text"));
        }

        assertThat(texts).containsExactly("first", "second", "fallback");
        assertThat(api.mainTurnRequests()).hasSize(3);
    }

    @Test
    void toolUseIdsDifferBetweenResponses() throws Exception {
        Reply toolUse = Reply.toolUse("Write", Map.of("file_path", "/tmp/a", "content", "x"));
        api.enqueue(toolUse, toolUse);

        String first = toolUseId(
                post("/v1/messages", MAIN_TURN.replace("true", "false")).body());
        String second = toolUseId(
                post("/v1/messages", MAIN_TURN.replace("true", "false")).body());

        assertThat(first).startsWith("toolu_");
        assertThat(second).startsWith("toolu_").isNotEqualTo(first);
    }

    @Test
    void errorReplyUsesTheAnthropicErrorShape() throws Exception {
        api.enqueue(Reply.error(529, "overloaded_error", "Overloaded").withHeader("x-should-retry", "false"));

        HttpResponse<String> response = post("/v1/messages", MAIN_TURN);
        JsonNode body = MAPPER.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(529);
        assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("overloaded_error");
        assertThat(body.path("error").path("message").asText()).isEqualTo("Overloaded");
    }

    @Test
    void otherRoutesAnswerAsDocumented() throws Exception {
        HttpResponse<Void> head = client.send(
                request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> get = client.send(request("/").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> count = post("/v1/messages/count_tokens", "{\"messages\":[]}");
        HttpResponse<String> unknown = post("/v1/models", "{}");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(count.body()).path("input_tokens").asInt()).isEqualTo(3);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(MAPPER.readTree(unknown.body()).path("error").path("type").asText())
                .isEqualTo("not_found_error");
        assertThat(api.requests()).extracting(RecordedRequest::path).contains("/", "/v1/models");
    }

    @Test
    void requestIsRecordedWithQueryHeadersAndBody() throws Exception {
        post("/v1/messages?beta=true", MAIN_TURN);

        RecordedRequest recorded = api.lastMainTurnRequest();

        assertThat(recorded.method()).isEqualTo("POST");
        assertThat(recorded.path()).isEqualTo("/v1/messages");
        assertThat(recorded.query()).isEqualTo("beta=true");
        assertThat(recorded.header("X-Test")).hasValue("yes");
        assertThat(recorded.streaming()).isTrue();
        assertThat(recorded.toolNames()).containsExactly("Write");
        assertThat(recorded.userTexts()).containsExactly("hi");
        assertThat(api.lastMainTurnMessages()).hasSize(1);
    }

    @Test
    void delayedReplyWaitsBeforeAnswering() throws Exception {
        api.enqueue(Reply.text("late").withDelay(Duration.ofMillis(400)));

        long start = System.nanoTime();
        post("/v1/messages", MAIN_TURN);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(400);
    }

    @Test
    void chunkDelaySpacesTheEvents() throws Exception {
        api.enqueue(Reply.text("slow").withChunkDelay(Duration.ofMillis(50)));

        long start = System.nanoTime();
        List<Sse> events = parseEvents(post("/v1/messages", MAIN_TURN).body());
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(events).hasSize(6);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(5 * 50);
    }

    @Test
    void hangingReplyHoldsTheRequestUntilClose() throws Exception {
        api.enqueue(Reply.hang());
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(
                request("/v1/messages")
                        .POST(HttpRequest.BodyPublishers.ofString(MAIN_TURN))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        api.awaitMainTurnRequest(1, Duration.ofSeconds(5));
        Thread.sleep(300);
        assertThat(pending).isNotDone();

        api.close();
        assertThat(pending).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void awaitMainTurnRequestTimesOut() {
        assertThatThrownBy(() -> api.awaitMainTurnRequest(1, Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("waiting for main-turn request 1");
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .header("X-Test", "yes")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    }

    private static String toolUseId(String messageJson) throws IOException {
        return MAPPER.readTree(messageJson).path("content").get(0).path("id").asText();
    }

    /** Concatenates the delta field {@code field} of all {@code content_block_delta} events. */
    private static String joinDeltas(List<Sse> events, String field) {
        StringBuilder joined = new StringBuilder();
        for (Sse event : events) {
            JsonNode delta = event.data().path("delta");
            if (event.type().equals("content_block_delta") && delta.has(field)) {
                joined.append(delta.path(field).asText());
            }
        }
        return joined.toString();
    }

    private static List<Sse> parseEvents(String body) throws IOException {
        List<Sse> events = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            String[] lines = frame.split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("event: ");
            assertThat(lines[1]).startsWith("data: ");
            events.add(new Sse(lines[0].substring(7), MAPPER.readTree(lines[1].substring(6))));
        }
        return events;
    }

    private record Sse(String type, JsonNode data) {}
}
