package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.RecordedRequest;
import dev.agenticore.testkit.anthropic.Reply;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes from the fat jar in agent mode on one Redis, each with its own {@code
 * AGENTICORE_HOME}, running the real Claude Code CLI against one scripted model. They share the
 * agent package and the CLI's home directory, where Claude Code keeps its session transcripts, as
 * nodes sharing a volume would. Conversations, stream settings and completions then follow a client
 * from one node to the other, and a conversation busy on one node is busy on the other. A node
 * that stops fails only its own unfinished completions, and a node that is killed has its
 * completions failed by the node that survives it.
 */
@ExtendWith(ClaudeCodeExtension.class)
@Timeout(300)
class AgentModeClusterIT {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String MODEL_NAME = "anton-agent";

    @TempDir
    Path directory;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ClusterClient cluster = new ClusterClient();
    private final List<ServerProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ServerProcess::close);
    }

    @Test
    void stateFollowsClientAcrossNodes(ClaudeCodeExtension.Setup claude) throws Exception {
        ServerProcess nodeA = startNode(claude, "node-a");
        ServerProcess nodeB = startNode(claude, "node-b");
        claude.model()
                .enqueue(
                        Reply.text("Noted: pelican."),
                        Reply.text("It was pelican."),
                        Reply.thinking("secret thoughts").thenText("Visible text."),
                        Reply.text("Summary from the agent."));
        Map<String, String> conversation = Map.of("X-Conversation-Id", "chat-42");

        ChatReply first = chat(nodeA, conversation, "remember the word pelican");
        ChatReply resumed = chat(nodeB, conversation, "remember the word pelican", "Noted: pelican.", "which word?");
        RecordedRequest resumedTurn = claude.model().lastMainTurnRequest();

        assertThat(first.content()).isEqualTo("Noted: pelican.");
        assertThat(resumed.content()).as(resumed.raw()).isEqualTo("It was pelican.");
        assertThat(resumedTurn.assistantTexts()).contains("Noted: pelican.");
        assertThat(resumedTurn.userTexts()).anySatisfy(text -> assertThat(text).contains("which word?"));
        assertThat(resumedTurn.userTexts()).noneSatisfy(text -> assertThat(text).contains("[assistant]"));

        ChatReply toggled = chat(nodeA, Map.of(), "/hide-thinking");
        ChatReply hidden = chat(nodeB, Map.of(), "think quietly");

        assertThat(toggled.content()).contains("thinking hidden");
        assertThat(hidden.content()).as(hidden.raw()).isEqualTo("Visible text.");
        assertThat(hidden.reasoning()).isEmpty();

        ClusterClient.Reply submitted = post(nodeA, "/completions", completion("summarize-1", "summarize the notes"));
        ClusterClient.Reply seen = get(nodeB, "/completions/summarize-1");
        JsonNode done = awaitCompletion(nodeB, "summarize-1", "completed", Duration.ofSeconds(60));

        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        assertThat(seen.status()).as(seen.body().toString()).isEqualTo(200);
        assertThat(seen.body().path("completion").path("uuid").asText()).isEqualTo("summarize-1");
        assertThat(seen.body().path("completion").path("pod_name").asText()).isEqualTo("node-a");
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("result").asText()).isEqualTo("Summary from the agent.");
    }

    @Test
    void stopFailsOnlyOwnCompletions(ClaudeCodeExtension.Setup claude) throws Exception {
        ServerProcess nodeA = startNode(claude, "node-a");
        ServerProcess nodeB = startNode(claude, "node-b", Map.of("AGENTICORE_DRAIN_TIMEOUT", "1"));
        claude.model()
                .enqueue(
                        Reply.text("Slow answer from node A.").withDelay(Duration.ofSeconds(45)),
                        Reply.text("Never delivered.").withDelay(Duration.ofSeconds(120)));

        ClusterClient.Reply submittedA = post(nodeA, "/completions", completion("held-on-a", "slow task on node A"));
        claude.model().awaitMainTurnRequest(1, Duration.ofSeconds(60));
        ClusterClient.Reply submittedB = post(nodeB, "/completions", completion("held-on-b", "slow task on node B"));
        claude.model().awaitMainTurnRequest(2, Duration.ofSeconds(60));
        JsonNode runningOnA = get(nodeB, "/completions/held-on-a").body().path("completion");

        int exitCode = nodeB.terminate(Duration.ofSeconds(60));
        nodes.remove(nodeB);
        JsonNode stoppedB = get(nodeA, "/completions/held-on-b").body().path("completion");
        ServerProcess restarted = startNode(claude, "node-b");
        JsonNode afterRestartA = get(restarted, "/completions/held-on-a").body().path("completion");

        assertThat(submittedA.status()).as(submittedA.body().toString()).isEqualTo(202);
        assertThat(submittedB.status()).as(submittedB.body().toString()).isEqualTo(202);
        assertThat(runningOnA.path("status").asText()).as(runningOnA.toString()).isEqualTo("running");
        assertThat(exitCode).isIn(0, 143);
        assertThat(stoppedB.path("status").asText()).as(stoppedB.toString()).isEqualTo("failed");
        assertThat(stoppedB.path("error").asText())
                .isEqualTo("the server shut down before the completion finished; submit it again");
        assertThat(afterRestartA.path("status").asText())
                .as(afterRestartA.toString())
                .isEqualTo("running");

        JsonNode finished = awaitCompletion(restarted, "held-on-a", "completed", Duration.ofSeconds(90));

        assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("completed");
        assertThat(finished.path("result").asText()).isEqualTo("Slow answer from node A.");
        assertThat(finished.path("pod_name").asText()).isEqualTo("node-a");
        assertThat(get(nodeA, "/health").body().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void busyConversationConflictsAcrossNodes(ClaudeCodeExtension.Setup claude) throws Exception {
        ServerProcess nodeA = startNode(claude, "node-a");
        ServerProcess nodeB = startNode(claude, "node-b");
        claude.model()
                .enqueue(
                        Reply.text("Slow reply from node A.").withDelay(Duration.ofSeconds(10)),
                        Reply.text("Reply from node B."));
        Map<String, String> conversation = Map.of("X-Conversation-Id", "chat-busy");

        CompletableFuture<HttpResponse<String>> onA = sendChat(nodeA, conversation, "a slow question");
        claude.model().awaitMainTurnRequest(1, Duration.ofSeconds(60));
        HttpResponse<String> onB =
                sendChat(nodeB, conversation, "a second question").get(90, TimeUnit.SECONDS);
        ChatReply first = read(onA.get(90, TimeUnit.SECONDS));

        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(409);
        JsonNode rejection = Json.mapper().readTree(onB.body()).path("error");
        assertThat(rejection.path("code").asText()).isEqualTo("conversation_busy");
        assertThat(rejection.path("message").asText()).contains("already has a request running");
        assertThat(first.content()).as(first.raw()).isEqualTo("Slow reply from node A.");
        assertThat(claude.model().mainTurnRequests()).hasSize(1);

        ChatReply next = chat(nodeB, conversation, "a slow question", "Slow reply from node A.", "next question");

        assertThat(next.content()).as(next.raw()).isEqualTo("Reply from node B.");
    }

    @Test
    void killedNodeCompletionFailsOnSurvivor(ClaudeCodeExtension.Setup claude) throws Exception {
        ServerProcess nodeA = startNode(claude, "node-a");
        ServerProcess nodeB = startNode(claude, "node-b", Map.of("AGENT_MODE_COMPLETION_SWEEP_INTERVAL", "2"));
        claude.model().enqueue(Reply.text("Never delivered.").withDelay(Duration.ofSeconds(120)));

        ClusterClient.Reply submitted = post(nodeA, "/completions", completion("lost-on-a", "slow task on node A"));
        claude.model().awaitMainTurnRequest(1, Duration.ofSeconds(60));
        JsonNode before = get(nodeB, "/completions/lost-on-a").body().path("completion");
        List<ProcessHandle> agents = nodeA.descendants();
        long killedAt = System.nanoTime();
        nodeA.kill();
        nodes.remove(nodeA);
        // SIGKILL does not reach the server's Claude Code process, which a crashed pod would take
        // down with it, so the test stops that process itself.
        agents.forEach(ProcessHandle::destroyForcibly);
        JsonNode failed = awaitCompletion(nodeB, "lost-on-a", "failed", Duration.ofSeconds(60));
        Duration waited = Duration.ofNanos(System.nanoTime() - killedAt);

        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(202);
        assertThat(before.path("status").asText()).as(before.toString()).isEqualTo("running");
        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("error").asText())
                .isEqualTo("the node node-a that ran the completion stopped before it finished; submit it again");
        assertThat(failed.path("pod_name").asText()).isEqualTo("node-a");
        // The heartbeat of node-a expires 6 s after its last write, and node-b sweeps every 2 s.
        assertThat(waited).isLessThan(Duration.ofSeconds(20));
    }

    /** Starts a node in agent mode on the test Redis, with its own home but the shared package and CLI home. */
    private ServerProcess startNode(ClaudeCodeExtension.Setup claude, String name) throws Exception {
        return startNode(claude, name, Map.of());
    }

    /** Starts a node as {@link #startNode(ClaudeCodeExtension.Setup, String)} does, with more variables. */
    private ServerProcess startNode(ClaudeCodeExtension.Setup claude, String name, Map<String, String> variables)
            throws Exception {
        Path home = Files.createDirectories(directory.resolve(name));
        Map<String, String> environment = new HashMap<>(claude.environment());
        environment.put("AGENTICORE_HOME", home.toString());
        environment.put("AGENTICORE_REPOS_ROOT", home.resolve("repos").toString());
        environment.put("AGENTICORE_POD_NAME", name);
        environment.put("AGENTICORE_CLAUDE_BINARY", claude.binary().toString());
        environment.put("AGENTICORE_KILL_GRACE", "2");
        environment.put("REDIS_URL", REDIS.url());
        environment.put("REDIS_KEY_PREFIX", "agent-cluster-it");
        environment.put("AGENT_MODE", "true");
        environment.put(
                "AGENT_MODE_PACKAGE_DIR",
                AgentModeHarness.agentPackage(directory).toString());
        environment.put("AGENT_MODE_MODEL_NAME", MODEL_NAME);
        environment.put("AGENT_MODE_AGENT_ID", "anton");
        environment.put("AGENT_MODE_KEEPALIVE_INTERVAL", "1");
        environment.putAll(variables);
        ServerProcess node = ServerProcess.startWithOnly(environment, directory.resolve(name + ".log"));
        nodes.add(node);
        return node;
    }

    /** A streamed chat reply: its joined content and reasoning deltas, and the raw stream. */
    private record ChatReply(String content, String reasoning, String raw) {}

    /**
     * Sends a streamed chat request whose messages alternate user and assistant, starting with
     * user, and joins the deltas of the reply.
     */
    private ChatReply chat(ServerProcess node, Map<String, String> headers, String... texts) throws Exception {
        return read(sendChat(node, headers, texts).get(90, TimeUnit.SECONDS));
    }

    /** Starts sending a streamed chat request whose messages alternate user and assistant, starting with user. */
    private CompletableFuture<HttpResponse<String>> sendChat(
            ServerProcess node, Map<String, String> headers, String... texts) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            messages.add(Map.of("role", i % 2 == 0 ? "user" : "assistant", "content", texts[i]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", MODEL_NAME);
        body.put("stream", true);
        body.put("messages", messages);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Checks that a streamed chat reply succeeded and joins its deltas. */
    private static ChatReply read(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                continue;
            }
            JsonNode chunk = Json.mapper().readTree(line.substring("data: ".length()));
            for (JsonNode choice : chunk.path("choices")) {
                content.append(choice.path("delta").path("content").asText(""));
                reasoning.append(choice.path("delta").path("reasoning_content").asText(""));
            }
        }
        return new ChatReply(content.toString(), reasoning.toString(), response.body());
    }

    /** Returns the body of a completion submitted without waiting. */
    private static String completion(String uuid, String message) {
        return Json.write(Map.of("uuid", uuid, "message", message, "wait", false));
    }

    /** Polls a node until the completion has the status or the timeout passes, and returns it. */
    private JsonNode awaitCompletion(ServerProcess node, String uuid, String status, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode completion = get(node, "/completions/" + uuid).body().path("completion");
        while (!completion.path("status").asText().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            completion = get(node, "/completions/" + uuid).body().path("completion");
        }
        return completion;
    }

    private ClusterClient.Reply get(ServerProcess node, String path) throws Exception {
        return cluster.get(node.port(), path);
    }

    private ClusterClient.Reply post(ServerProcess node, String path, String body) throws Exception {
        return cluster.post(node.port(), path, body);
    }

    private static URI uri(ServerProcess node, String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }
}
