package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.Reply;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Jobs run end to end through the REST API by the real Claude Code CLI against a scripted model. */
@Timeout(120)
@ExtendWith(ClaudeCodeExtension.class)
class ClaudeJobIT {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private ServerHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void jobWithoutRepositoryWritesFileAndSucceeds(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, Map.of());
        harness.model.enqueueComputed(request -> Reply.toolUse(
                "Write",
                Map.of(
                        "file_path",
                        workDirectory(request.systemText()).resolve("hello.txt").toString(),
                        "content",
                        "hello")));
        harness.model.enqueue(Reply.text("I wrote hello.txt."));

        String id = harness.submit("{\"task\": \"write hello.txt\"}").get("id").asText();
        JsonNode job = harness.awaitJob(id, JOB_TIMEOUT);

        Path target = home.resolve("work").resolve(id).resolve("work").resolve("hello.txt");
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(Files.readString(target)).isEqualTo("hello");
        assertThat(job.get("output").asText()).isEqualTo("I wrote hello.txt.");
        assertThat(job.get("session_id").asText()).isNotBlank();
        assertThat(job.get("cost_usd").asDouble()).isPositive();
        assertThat(job.get("num_turns").asInt()).isEqualTo(2);
        assertThat(job.get("exit_code").asInt()).isZero();
        assertThat(job.get("worktree_path").asText())
                .isEqualTo(target.getParent().toString());
        assertThat(harness.model.lastMainTurnRequest().toolResults()).isNotEmpty();
    }

    private Path workDirectory(String systemPrompt) {
        Matcher matcher = Pattern.compile("Job: ([0-9a-f-]{36})").matcher(systemPrompt);
        assertThat(matcher.find())
                .as("the job context in the system prompt: " + systemPrompt)
                .isTrue();
        return home.resolve("work").resolve(matcher.group(1)).resolve("work");
    }

    @Test
    void secondJobResumesTheSession(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, Map.of());
        harness.model.enqueue(Reply.text("The secret word is pelican."), Reply.text("It was pelican."));
        JsonNode first = harness.awaitJob(
                harness.submit("{\"task\": \"remember a word\"}").get("id").asText(), JOB_TIMEOUT);
        String session = first.get("session_id").asText();

        JsonNode second = harness.awaitJob(
                harness.submit("{\"task\": \"which word?\", \"session_id\": \"" + session + "\"}")
                        .get("id")
                        .asText(),
                JOB_TIMEOUT);

        assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("succeeded");
        assertThat(second.get("session_id").asText()).isEqualTo(session);
        assertThat(harness.model.lastMainTurnRequest().assistantTexts()).contains("The secret word is pelican.");
        assertThat(harness.model.lastMainTurnRequest().userTexts())
                .anySatisfy(text -> assertThat(text).contains("remember a word"));
    }

    @Test
    void modelErrorFailsTheJobWithTheReason(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, Map.of());
        harness.model.enqueue(Reply.error(400, "invalid_request_error", "the prompt is not allowed"));

        JsonNode job = harness.awaitJob(
                harness.submit("{\"task\": \"break\"}").get("id").asText(), JOB_TIMEOUT);

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).contains("the prompt is not allowed");
        assertThat(job.get("exit_code").asInt()).isEqualTo(1);
    }

    @Test
    void cancelDuringSlowReplyEndsTheCliAndStaysCancelled(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, Map.of());
        harness.model.enqueue(Reply.hang());
        String id = harness.submit("{\"task\": \"take forever\"}").get("id").asText();
        JsonNode running = awaitPid(id);
        long pid = running.get("pid").asLong();
        List<ProcessHandle> tree = new ArrayList<>(
                ProcessHandle.of(pid).orElseThrow().descendants().toList());
        tree.add(ProcessHandle.of(pid).orElseThrow());

        JsonNode cancelled = harness.delete("/jobs/" + id).get("job");
        JsonNode ended = awaitExitCode(id);

        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(ended.get("status").asText()).isEqualTo("cancelled");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    @Test
    void timeoutEndsTheCliAndFailsWithExitCodeMinusOne(ClaudeCodeExtension.Setup claude) throws Exception {
        Path profiles = Files.createDirectories(home.resolve("my-profiles/quick"));
        Files.writeString(profiles.resolve("profile.yml"), "description: quick\nclaude:\n  timeout: 3\n");
        harness = new ServerHarness(
                claude,
                home,
                Map.of("AGENTICORE_PROFILES_DIR", home.resolve("my-profiles").toString()));
        harness.model.enqueue(Reply.text("too late").withDelay(Duration.ofSeconds(30)));
        String id = harness.submit("{\"task\": \"slow\", \"profile\": \"quick\"}")
                .get("id")
                .asText();
        long pid = awaitPid(id).get("pid").asLong();

        JsonNode job = harness.awaitJob(id, JOB_TIMEOUT);

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("exit_code").asInt()).isEqualTo(-1);
        assertThat(job.get("error").asText()).startsWith("timed out after 3 s");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
    }

    @Test
    void silentCliIsStoppedByTheWatchdog(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, Map.of("AGENTICORE_IDLE_TIMEOUT", "3"));
        harness.model.enqueue(Reply.hang());

        JsonNode job = harness.awaitJob(
                harness.submit("{\"task\": \"hang\"}").get("id").asText(), JOB_TIMEOUT);

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).startsWith("the agent printed nothing for 3 s");
    }

    @Test
    void missingBinaryFailsWithInstallHint(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(
                claude, home, Map.of(), home.resolve("no-such-claude").toString());

        JsonNode job = harness.awaitJob(
                harness.submit("{\"task\": \"anything\"}").get("id").asText(), JOB_TIMEOUT);

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).contains("no-such-claude").contains("AGENTICORE_CLAUDE_BINARY");
    }

    @Test
    void eventStreamDeliversLiveEventsAndReplaysAfterLastEventId(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, Map.of());
        harness.model.enqueue(
                Reply.thinking("let me think").thenText("streamed answer").withChunkDelay(Duration.ofMillis(50)));
        String id = harness.submit("{\"task\": \"stream\"}").get("id").asText();

        HttpResponse<InputStream> live = harness.client.send(
                HttpRequest.newBuilder(harness.uri("/jobs/" + id + "/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = readAll(live.body());

        assertThat(lines).contains("event: session_started", "event: result", "event: end");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("streamed answer"));
        String replay = harness.client
                .send(
                        HttpRequest.newBuilder(harness.uri("/jobs/" + id + "/events"))
                                .header("Last-Event-ID", "1")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(replay).doesNotContain("id: 1\n").contains("id: 2\n").contains("event: end");
    }

    private JsonNode awaitPid(String id) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        JsonNode job = harness.get("/jobs/" + id).get("job");
        while (job.get("pid").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = harness.get("/jobs/" + id).get("job");
        }
        assertThat(job.get("pid").isNull())
                .as("the job never got a process id: " + job)
                .isFalse();
        return job;
    }

    private JsonNode awaitExitCode(String id) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        JsonNode job = harness.get("/jobs/" + id).get("job");
        while (job.get("exit_code").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = harness.get("/jobs/" + id).get("job");
        }
        return job;
    }

    private static List<String> readAll(InputStream body) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
