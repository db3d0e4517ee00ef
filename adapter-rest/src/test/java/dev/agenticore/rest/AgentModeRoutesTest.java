package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.chat.AgentModeSettings;
import dev.agenticore.core.chat.ChatService;
import dev.agenticore.core.chat.CompletionService;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.core.memory.InMemoryCompletionStore;
import dev.agenticore.core.memory.InMemoryConversationStore;
import dev.agenticore.core.memory.InMemoryStreamSettingsStore;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileDefinition;
import dev.agenticore.core.profile.ProfileResolver;
import dev.agenticore.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent-mode routes on a real server over an in-memory agent. */
@Timeout(30)
class AgentModeRoutesTest {
    @TempDir
    Path temp;

    private final AgentCapacity capacity = new AgentCapacity(1);
    private final HttpClient client = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean fail;
    private volatile boolean hold;
    private RestServer server;
    private CompletionService completions;

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        Profile profile = ProfileResolver.resolve("code", name -> ProfileDefinition.named("code"));
        AgentModeSettings settings = new AgentModeSettings(
                "anton-agent",
                "anton",
                Files.createDirectories(temp.resolve("package")),
                temp.resolve("runs"),
                Duration.ofSeconds(20),
                true,
                5);
        InMemoryAgentRunner runner = new InMemoryAgentRunner(
                (invocation, events) -> {
                    events.onEvent(new AgentEvent.ThinkingDelta("pondering"));
                    events.onEvent(new AgentEvent.TextDelta("Hello "));
                    events.onEvent(new AgentEvent.TextDelta("there"));
                    events.onEvent(new AgentEvent.AssistantText("Hello there"));
                    if (hold) {
                        release.await();
                    }
                    return fail
                            ? new AgentOutcome(1, "", true, "API Error: 400 bad prompt", "", null, null, null, null)
                            : new AgentOutcome(0, "Hello there", false, "", "s-1", 0.01, 1, 5L, null);
                },
                clock);
        ChatService chat = new ChatService(
                settings,
                runner,
                () -> profile,
                capacity,
                new InMemoryConversationStore(),
                new InMemoryStreamSettingsStore(),
                clock);
        completions =
                new CompletionService(settings, runner, () -> profile, capacity, new InMemoryCompletionStore(), clock);
        server = RestServer.builder(RestSettings.loopback(0))
                .routes(new ChatCompletionRoutes(chat, Duration.ofMillis(200), clock))
                .routes(new CompletionRoutes(completions))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
        completions.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> frames(String body) {
        return Arrays.stream(body.split("\n\n"))
                .filter(frame -> !frame.isBlank())
                .toList();
    }

    @Test
    void streamSendsChunksInOrder() throws Exception {
        HttpResponse<String> response = post(
                "/v1/chat/completions",
                "{\"model\":\"anton-agent\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        List<String> frames = frames(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(frames.get(0)).contains("\"role\":\"assistant\"");
        assertThat(frames.get(1)).contains("\"reasoning_content\":\"pondering\"");
        assertThat(frames.get(2)).contains("\"content\":\"Hello \"");
        assertThat(frames.get(3)).contains("\"content\":\"there\"");
        assertThat(frames.get(4)).contains("\"finish_reason\":\"stop\"").contains("\"usage\"");
        assertThat(frames.get(5)).contains("\"choices\":[]").contains("\"usage\"");
        assertThat(frames.get(6)).isEqualTo("data: [DONE]");
        assertThat(frames).hasSize(7);
    }

    @Test
    void failedStreamEndsWithErrorNotStop() throws Exception {
        fail = true;

        String body = post(
                        "/v1/chat/completions",
                        "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .body();

        assertThat(body).doesNotContain("\"finish_reason\":\"stop\"");
        assertThat(body).contains("data: {\"error\":{\"message\":\"API Error: 400 bad prompt\"");
        assertThat(body).endsWith("data: [DONE]\n\n");
    }

    @Test
    void nonStreamedFailureIs500WithoutRetry() throws Exception {
        fail = true;

        HttpResponse<String> response =
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        JsonNode error = Json.mapper().readTree(response.body()).path("error");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("x-should-retry")).contains("false");
        assertThat(error.path("message").asText()).isEqualTo("API Error: 400 bad prompt");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
    }

    @Test
    void missingMessagesIs400InOpenAiShape() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\":\"anton-agent\"}");

        JsonNode error = Json.mapper().readTree(response.body()).path("error");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asText()).isEqualTo("messages");
        assertThat(error.has("code")).isTrue();
        assertThat(error.path("code").isNull()).isTrue();
    }

    @Test
    void fullCapacityIs503WithRetryAfter() throws Exception {
        capacity.tryAcquire();

        HttpResponse<String> response =
                post("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(Json.mapper()
                        .readTree(response.body())
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("capacity_exceeded");
    }

    @Test
    void quietStreamGetsKeepAlives() throws Exception {
        hold = true;
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();

        String body = post(
                        "/v1/chat/completions",
                        "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .body();

        assertThat(body).contains(": keep-alive\n\n");
        assertThat(body).endsWith("data: [DONE]\n\n");
    }

    @Test
    void modelsListTheAgent() throws Exception {
        JsonNode models = Json.mapper().readTree(get("/v1/models").body());

        assertThat(models.path("data").get(0).path("id").asText()).isEqualTo("anton-agent");
        assertThat(get("/v1/models/anton-agent").statusCode()).isEqualTo(200);
        assertThat(get("/v1/models/gpt-4").statusCode()).isEqualTo(404);
    }

    @Test
    void completionLifecycle() throws Exception {
        HttpResponse<String> sync = post("/completions", "{\"message\":\"fix\",\"uuid\":\"req-1\"}");
        HttpResponse<String> duplicate = post("/completions", "{\"message\":\"fix\",\"uuid\":\"req-1\"}");
        HttpResponse<String> unsafe = post("/completions", "{\"message\":\"fix\",\"uuid\":\"../x\"}");
        HttpResponse<String> missing = get("/completions/nothing");

        JsonNode completion = Json.mapper().readTree(sync.body()).path("completion");
        assertThat(sync.statusCode()).isEqualTo(200);
        assertThat(completion.path("status").asText()).isEqualTo("completed");
        assertThat(completion.path("result").asText()).isEqualTo("Hello there");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(unsafe.statusCode()).isEqualTo(400);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.mapper()
                        .readTree(get("/completions?status=completed").body())
                        .path("count")
                        .asInt())
                .isEqualTo(1);
    }
}
