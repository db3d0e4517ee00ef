package dev.agenticore.testkit.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real Claude Code CLI against {@link ScriptedAnthropicApi} through successful conversations. */
class ClaudeCodeConversationIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @TempDir
    Path home;

    private ScriptedAnthropicApi api;

    @BeforeEach
    void startApi() {
        ClaudeCodeCli.binaryOrSkip();
        api = new ScriptedAnthropicApi().start();
    }

    @AfterEach
    void closeApi() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    @Timeout(90)
    void textReplyEndsInSuccessfulResult() throws Exception {
        api.enqueue(Reply.text("All done.").withUsage(100, 5));

        CliRun run = CliRun.run(api, workDir, home, RUN_TIMEOUT, "Say that you are done");

        assertThat(run.exitCode()).as("exit code (stderr: %s)", run.stderr()).isZero();
        JsonNode init = run.first();
        assertThat(init.path("type").asText()).isEqualTo("system");
        assertThat(init.path("subtype").asText()).isEqualTo("init");
        assertThat(init.path("claude_code_version").asText()).isEqualTo(ClaudeCodeCli.PINNED_VERSION);
        JsonNode result = run.result();
        assertThat(result.path("subtype").asText()).isEqualTo("success");
        assertThat(result.path("is_error").asBoolean()).isFalse();
        assertThat(result.path("result").asText()).isEqualTo("All done.");
        assertThat(result.path("session_id").asText())
                .isEqualTo(init.path("session_id").asText())
                .isNotBlank();
        assertThat(result.path("total_cost_usd").asDouble()).isCloseTo(0.000375, within(1e-9));
        assertThat(api.mainTurnRequests()).hasSize(1);
        assertThat(api.lastMainTurnRequest().userTexts()).contains("Say that you are done");
        assertThat(api.requests())
                .as("POST requests, which would include any side request")
                .filteredOn(request -> request.method().equals("POST"))
                .allMatch(RecordedRequest::mainTurn);
    }

    @Test
    @Timeout(90)
    void writeToolCallCreatesTheFile() throws Exception {
        Path file = workDir.resolve("hello.txt");
        api.enqueue(
                Reply.toolUse("Write", Map.of("file_path", file.toString(), "content", "hi from the fake")),
                Reply.text("Wrote the file."));

        CliRun run = CliRun.run(api, workDir, home, RUN_TIMEOUT, "Write hello.txt");

        assertThat(run.exitCode()).as("exit code (stderr: %s)", run.stderr()).isZero();
        assertThat(file).hasContent("hi from the fake");
        assertThat(run.result().path("result").asText()).isEqualTo("Wrote the file.");
        assertThat(run.result().path("num_turns").asInt()).isEqualTo(2);
        assertThat(api.mainTurnRequests()).hasSize(2);
        List<JsonNode> toolResults = api.lastMainTurnRequest().toolResults();
        assertThat(toolResults).hasSize(1);
        assertThat(toolResults.get(0).path("tool_use_id").asText()).startsWith("toolu_");
        assertThat(toolResults.get(0).path("is_error").asBoolean(false)).isFalse();
        assertThat(toolResults.get(0).path("content").toString()).contains("hello.txt");
        assertThat(api.pendingReplies()).isZero();
    }

    @Test
    @Timeout(90)
    void partialMessagesShowThinkingAsStreamEvents() throws Exception {
        api.enqueue(Reply.thinking("The user wants a greeting.").thenText("Hello there."));

        CliRun run = CliRun.run(api, workDir, home, RUN_TIMEOUT, "Greet me", "--include-partial-messages");

        assertThat(run.exitCode()).as("exit code (stderr: %s)", run.stderr()).isZero();
        List<JsonNode> streamEvents = run.ofType("stream_event");
        List<String> eventTypes = streamEvents.stream()
                .map(line -> line.path("event").path("type").asText())
                .distinct()
                .toList();
        assertThat(eventTypes)
                .contains(
                        "message_start",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
        List<String> deltaTypes = streamEvents.stream()
                .map(line -> line.path("event").path("delta").path("type").asText())
                .filter(type -> !type.isEmpty())
                .distinct()
                .toList();
        assertThat(deltaTypes).containsExactly("thinking_delta", "signature_delta", "text_delta");
        assertThat(run.ofType("assistant"))
                .anySatisfy(line -> assertThat(line.path("message")
                                .path("content")
                                .get(0)
                                .path("thinking")
                                .asText())
                        .isEqualTo("The user wants a greeting."));
        assertThat(run.result().path("result").asText()).isEqualTo("Hello there.");
    }

    @Test
    @Timeout(120)
    void resumeSendsEarlierMessages() throws Exception {
        api.enqueue(Reply.text("The answer is 42."), Reply.text("You asked about the answer."));
        CliRun first = CliRun.run(api, workDir, home, RUN_TIMEOUT, "What is the answer?");
        String sessionId = first.result().path("session_id").asText();

        CliRun second = CliRun.run(api, workDir, home, RUN_TIMEOUT, "What did I ask before?", "--resume", sessionId);

        assertThat(second.exitCode())
                .as("exit code (stderr: %s)", second.stderr())
                .isZero();
        assertThat(second.result().path("session_id").asText()).isEqualTo(sessionId);
        assertThat(second.result().path("result").asText()).isEqualTo("You asked about the answer.");
        RecordedRequest resumed = api.lastMainTurnRequest();
        assertThat(resumed.userTexts()).contains("What is the answer?", "What did I ask before?");
        assertThat(resumed.assistantTexts()).containsExactly("The answer is 42.");
        assertThat(resumed.header("x-claude-code-session-id")).hasValue(sessionId);
    }

    @Test
    @Timeout(60)
    void installedCliHasThePinnedVersion() throws Exception {
        Process process = ClaudeCodeCli.processBuilder(
                        ClaudeCodeCli.binaryOrSkip(), workDir, api.baseUrl(), home, List.of("--version"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(output.trim()).isEqualTo(ClaudeCodeCli.PINNED_VERSION + " (Claude Code)");
    }
}
