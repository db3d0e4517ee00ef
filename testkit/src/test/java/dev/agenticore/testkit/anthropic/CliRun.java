package dev.agenticore.testkit.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Claude Code CLI against a fake API and collects its stream-json output. */
record CliRun(int exitCode, List<JsonNode> lines, String stderr) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Standard options for a headless run in stream-json mode. */
    static final List<String> STREAM_JSON_OPTIONS = List.of(
            "--output-format",
            "stream-json",
            "--verbose",
            "--permission-mode",
            "bypassPermissions",
            "--model",
            "sonnet");

    /**
     * Runs {@code claude -p prompt} with the standard options and {@code extraArguments} in {@code workDir}, and
     * fails the test when the process does not exit within {@code timeout}.
     */
    static CliRun run(
            ScriptedAnthropicApi api,
            Path workDir,
            Path home,
            Duration timeout,
            String prompt,
            String... extraArguments)
            throws IOException, InterruptedException {
        ProcessBuilder builder = builder(api, workDir, home, prompt, extraArguments);
        Path stdout = Files.createTempFile(home, "stdout", ".jsonl");
        Path stderr = Files.createTempFile(home, "stderr", ".txt");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());

        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Claude Code CLI did not exit within " + timeout + ". Stdout so far:\n"
                    + Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr));
        }
        return new CliRun(process.exitValue(), parseLines(stdout), Files.readString(stderr));
    }

    /** Builds the CLI process without starting it. */
    static ProcessBuilder builder(
            ScriptedAnthropicApi api, Path workDir, Path home, String prompt, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("-p", prompt));
        arguments.addAll(STREAM_JSON_OPTIONS);
        arguments.addAll(List.of(extraArguments));
        return ClaudeCodeCli.processBuilder(ClaudeCodeCli.binaryOrSkip(), workDir, api.baseUrl(), home, arguments);
    }

    /** Returns the first line, which the CLI writes as the {@code system} {@code init} event. */
    JsonNode first() {
        assertThat(lines).as("stream-json lines (stderr: %s)", stderr).isNotEmpty();
        return lines.get(0);
    }

    /** Returns the last line, which the CLI writes as the {@code result} event. */
    JsonNode result() {
        assertThat(lines).as("stream-json lines (stderr: %s)", stderr).isNotEmpty();
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.path("type").asText())
                .as("type of the last line %s", last)
                .isEqualTo("result");
        return last;
    }

    /** Returns the lines whose {@code type} is {@code type}. */
    List<JsonNode> ofType(String type) {
        return lines.stream()
                .filter(line -> line.path("type").asText().equals(type))
                .toList();
    }

    private static List<JsonNode> parseLines(Path stdout) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(stdout)) {
            if (!line.isBlank()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }
}
