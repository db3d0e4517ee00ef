package dev.agenticore.app;

import static dev.agenticore.app.ChatStreams.spec;
import static dev.agenticore.app.ChatStreams.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.Reply;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disconnects, the capacity limit, the completions API and the {@code agent_completions} MCP tool,
 * with the real Claude Code CLI.
 */
@ExtendWith(ClaudeCodeExtension.class)
class AgentModeLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();
    private OpenAiNodeClient client;
    private AgentModeHarness harness;

    @BeforeEach
    void findClient() throws Exception {
        client = OpenAiNodeClient.orSkip();
    }

    @AfterEach
    void stop() throws Exception {
        // The CLI processes are this test's own children, so a failed test must not leave any behind.
        for (ProcessHandle cli : claudeProcesses()) {
            cli.destroyForcibly();
        }
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Timeout(120)
    void clientDisconnectEndsCli(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new AgentModeHarness(claude, home, Map.of());
        harness.model.enqueue(Reply.hang());
        Process caller = client.start(spec(harness.baseUrl(), true, Map.of(), user("take forever")));
        harness.model.awaitMainTurnRequest(1, WAIT);
        List<ProcessHandle> running = claudeProcesses();

        caller.destroy();

        assertThat(running).as("the CLI processes while the model hangs").isNotEmpty();
        assertThat(awaitEnded(running))
                .as("CLI processes still alive after the disconnect")
                .isEmpty();
    }

    @Test
    @Timeout(120)
    void fullCapacityRejectsWith503(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new AgentModeHarness(claude, home, Map.of("AGENTICORE_MAX_PARALLEL_JOBS", "1"));
        harness.model.enqueue(Reply.hang());
        Process busy = client.start(spec(harness.baseUrl(), true, Map.of(), user("hold the slot")));
        harness.model.awaitMainTurnRequest(1, WAIT);
        List<ProcessHandle> running = claudeProcesses();

        JsonNode rejected = client.call(spec(harness.baseUrl(), true, Map.of(), user("one more")));
        JsonNode completion = post("/completions", "{\"message\": \"also\", \"uuid\": \"c-busy\"}");
        busy.destroy();

        assertThat(rejected.path("ok").asBoolean()).isFalse();
        assertThat(rejected.path("status").asInt()).isEqualTo(503);
        assertThat(rejected.path("retryAfter").asText()).isEqualTo("5");
        assertThat(rejected.path("error").path("code").asText()).isEqualTo("capacity_exceeded");
        assertThat(completion.path("success").asBoolean()).isFalse();
        assertThat(harness.model.mainTurnRequests()).hasSize(1);
        assertThat(awaitEnded(running)).isEmpty();
    }

    @Test
    @Timeout(180)
    void completionsRunSyncAndAsync(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new AgentModeHarness(claude, home, Map.of());
        harness.model.enqueue(Reply.text("Sync done."), Reply.text("Async done."));

        HttpResponse<String> sync = send("POST", "/completions", "{\"message\": \"sync\", \"uuid\": \"req-1\"}");
        HttpResponse<String> queued = send(
                "POST",
                "/completions",
                "{\"message\": \"later\", \"uuid\": \"req-2\", \"wait\": false, \"meta\": {\"t\": 1}}");
        JsonNode polled = awaitCompletion("req-2");
        HttpResponse<String> duplicate = send("POST", "/completions", "{\"message\": \"again\", \"uuid\": \"req-1\"}");
        HttpResponse<String> unknown = send("GET", "/completions/nothing", null);
        JsonNode listed = Json.mapper()
                .readTree(send("GET", "/completions?status=completed", null).body());

        JsonNode done = Json.mapper().readTree(sync.body()).path("completion");
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("result").asText()).isEqualTo("Sync done.");
        assertThat(done.path("session_id").asText()).isNotBlank();
        assertThat(done.path("cost_usd").asDouble()).isPositive();
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(Json.mapper().readTree(queued.body()).path("poll_url").asText())
                .isEqualTo("/completions/req-2");
        assertThat(polled.path("status").asText()).isEqualTo("completed");
        assertThat(polled.path("result").asText()).isEqualTo("Async done.");
        assertThat(polled.path("meta").path("t").asInt()).isEqualTo(1);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(listed.path("count").asInt()).isEqualTo(2);
    }

    @Test
    @Timeout(120)
    void mcpClientAsksTheAgent(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new AgentModeHarness(claude, home, Map.of());
        harness.model.enqueue(Reply.text("Answer over MCP."));
        McpSyncClient mcp = McpClient.sync(
                        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + harness.server.port())
                                .endpoint("/mcp")
                                .build())
                .requestTimeout(WAIT)
                .build();
        try (mcp) {
            mcp.initialize();
            List<String> tools =
                    mcp.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            McpSchema.CallToolResult result = mcp.callTool(McpSchema.CallToolRequest.builder("agent_completions")
                    .arguments(Map.of("message", "ask over mcp", "uuid", "mcp-1"))
                    .build());

            JsonNode body = Json.mapper().valueToTree(result.structuredContent());
            assertThat(tools).contains("agent_completions", "run_task");
            assertThat(result.isError()).as(body.toString()).isFalse();
            assertThat(body.at("/completion/result").asText()).isEqualTo("Answer over MCP.");
            assertThat(Json.mapper()
                            .readTree(send("GET", "/completions/mcp-1", null).body())
                            .at("/completion/status")
                            .asText())
                    .isEqualTo("completed");
        }
    }

    private JsonNode awaitCompletion(String uuid) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode completion =
                Json.mapper().readTree(send("GET", "/completions/" + uuid, null).body());
        while (!completion.path("completion").path("ended_at").isTextual() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            completion = Json.mapper()
                    .readTree(send("GET", "/completions/" + uuid, null).body());
        }
        return completion.path("completion");
    }

    private JsonNode post(String path, String body) throws Exception {
        return Json.mapper().readTree(send("POST", path, body).body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + harness.server.port() + path))
                .timeout(WAIT)
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Returns the Claude Code processes that this JVM started and that are still alive. */
    private static List<ProcessHandle> claudeProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains("claude"))
                .toList();
    }

    /** Waits up to 30 s for the processes to end and returns those still alive. */
    private static List<ProcessHandle> awaitEnded(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ProcessHandle> alive =
                processes.stream().filter(ProcessHandle::isAlive).toList();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            alive = alive.stream().filter(ProcessHandle::isAlive).toList();
        }
        return alive;
    }
}
