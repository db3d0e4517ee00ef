package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.testkit.anthropic.ClaudeCodeCli;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claude Code itself as the MCP client: the CLI, configured with {@code --mcp-config} pointing at the
 * server's {@code /mcp}, calls {@code run_task} because the scripted model asks it to, and the job
 * appears over REST. The server runs its own jobs with a stand-in CLI so they do not consume the
 * scripted replies.
 */
@Timeout(120)
@ExtendWith(ClaudeCodeExtension.class)
class ClaudeCodeMcpClientIT {
    private static final String STAND_IN = """
            #!/bin/sh
            echo '{"type":"system","subtype":"init","session_id":"s-1","model":"stand-in"}'
            echo '{"type":"result","subtype":"success","is_error":false,"result":"done","session_id":"s-1","num_turns":1,"duration_ms":5,"total_cost_usd":0}'
            """;

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
    void claudeCodeSubmitsJobThroughMcp(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, Map.of(), standIn().toString());
        Path mcpConfig = home.resolve("mcp.json");
        Files.writeString(
                mcpConfig,
                "{\"mcpServers\": {\"agenticore\": {\"type\": \"http\", \"url\": \"" + harness.uri("/mcp") + "\"}}}");
        harness.model.enqueue(
                Reply.toolUse("mcp__agenticore__run_task", Map.of("task", "summarize the README")),
                Reply.text("Submitted the job."));
        Path workDirectory = Files.createDirectories(home.resolve("client-work"));

        Process process = ClaudeCodeCli.processBuilder(
                        claude.binary(),
                        workDirectory,
                        claude.model().baseUrl(),
                        claude.home(),
                        List.of(
                                "-p",
                                "submit a job",
                                "--output-format",
                                "stream-json",
                                "--verbose",
                                "--mcp-config",
                                mcpConfig.toString(),
                                "--strict-mcp-config",
                                "--permission-mode",
                                "bypassPermissions"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(claude.model().mainTurnRequests().get(0).toolNames()).contains("mcp__agenticore__run_task");
        JsonNode jobs = harness.get("/jobs").get("jobs");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("task").asText()).isEqualTo("summarize the README");
        assertThat(claude.model().lastMainTurnRequest().toolResults())
                .anySatisfy(result -> assertThat(result.toString())
                        .contains(jobs.get(0).get("id").asText()));
        assertThat(harness.awaitJob(jobs.get(0).get("id").asText(), java.time.Duration.ofSeconds(30))
                        .get("status")
                        .asText())
                .isEqualTo("succeeded");
    }

    private Path standIn() throws Exception {
        Path script = home.resolve("stand-in-claude");
        Files.writeString(script, STAND_IN);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
