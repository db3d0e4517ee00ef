package dev.agenticore.testkit.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real Claude Code CLI against {@link ScriptedAnthropicApi} replies that fail or never finish. */
class ClaudeCodeErrorIT {

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
    void invalidRequestErrorEndsInErrorResult() throws Exception {
        api.enqueue(Reply.error(400, "invalid_request_error", "max_tokens: must be at most 64000"));

        CliRun run = CliRun.run(api, workDir, home, RUN_TIMEOUT, "Do something");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode result = run.result();
        assertThat(result.path("is_error").asBoolean()).isTrue();
        assertThat(result.path("api_error_status").asInt()).isEqualTo(400);
        assertThat(result.path("result").asText()).isEqualTo("API Error: 400 max_tokens: must be at most 64000");
        assertThat(result.path("session_id").asText()).isNotBlank();
        assertThat(run.ofType("system"))
                .noneMatch(line -> line.path("subtype").asText().equals("api_retry"));
        assertThat(api.mainTurnRequests()).hasSize(1);
    }

    @Test
    @Timeout(90)
    void overloadedErrorIsRetriedThenAnswered() throws Exception {
        api.enqueue(Reply.error(529, "overloaded_error", "Overloaded"), Reply.text("Answered after a retry."));

        CliRun run = CliRun.run(api, workDir, home, RUN_TIMEOUT, "Do something");

        assertThat(run.exitCode()).as("exit code (stderr: %s)", run.stderr()).isZero();
        List<JsonNode> retries = run.ofType("system").stream()
                .filter(line -> line.path("subtype").asText().equals("api_retry"))
                .toList();
        assertThat(retries).hasSize(1);
        assertThat(retries.get(0).path("error_status").asInt()).isEqualTo(529);
        assertThat(retries.get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(retries.get(0).path("max_retries").asInt()).isEqualTo(10);
        assertThat(run.result().path("is_error").asBoolean()).isFalse();
        assertThat(run.result().path("result").asText()).isEqualTo("Answered after a retry.");
        assertThat(api.mainTurnRequests()).hasSize(2);
    }

    @Test
    @Timeout(60)
    void hangingReplyKeepsTheCliWaiting() throws Exception {
        api.enqueue(Reply.hang());
        Process process = CliRun.builder(api, workDir, home, "Work for a long time")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            api.awaitMainTurnRequest(1, Duration.ofSeconds(30));

            boolean exited = process.waitFor(2, TimeUnit.SECONDS);

            assertThat(exited).as("CLI exited while its request hung").isFalse();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(process.isAlive()).isFalse();
    }
}
