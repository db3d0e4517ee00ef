package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar with {@code AGENTICORE_LOG_FORMAT=json}: every log line is one JSON object, and the
 * lines a request causes on its thread carry its id in {@code mdc.request_id}.
 */
@Timeout(120)
class JsonLogIT {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    @Test
    void jsonLogLinesCarryRequestId() throws Exception {
        int port = freePort();
        Path log = home.resolve("server.log");
        Process process = start(port, log);
        try {
            awaitHealthy(port, process);
            HttpResponse<String> submitted = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs"))
                            .header("X-Request-Id", "json-log-1")
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"task\": \"log me\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(submitted.statusCode()).isEqualTo(200);
            assertThat(submitted.headers().firstValue("X-Request-Id")).hasValue("json-log-1");
            List<JsonNode> lines = awaitLine(log, "POST /jobs");

            List<JsonNode> tagged = lines.stream()
                    .filter(line -> line.path("mdc").path("request_id").asText().equals("json-log-1"))
                    .toList();
            assertThat(tagged)
                    .extracting(line -> line.get("formattedMessage").asText())
                    .anySatisfy(message -> assertThat(message).contains("queued with profile"))
                    .anySatisfy(message -> assertThat(message).startsWith("POST /jobs -> 200"));
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.has("timestamp")).isTrue();
                assertThat(line.has("level")).isTrue();
                assertThat(line.has("loggerName")).isTrue();
            });
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private Process start(int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ServerProcess.jar().toString(),
                "serve",
                "--port",
                Integer.toString(port));
        builder.environment().put("AGENTICORE_HOME", home.toString());
        builder.environment().put("AGENTICORE_REPOS_ROOT", home.resolve("repos").toString());
        builder.environment().put("AGENTICORE_LOG_FORMAT", "json");
        builder.environment()
                .put("AGENTICORE_CLAUDE_BINARY", home.resolve("no-such-claude").toString());
        builder.environment().put("GITHUB_API_URL", "http://127.0.0.1:9");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    /** Waits until a line whose message contains {@code text} was written; returns every line parsed. */
    private static List<JsonNode> awaitLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonNode> lines = parse(log);
        while (lines.stream()
                        .noneMatch(
                                line -> line.path("formattedMessage").asText().contains(text))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lines = parse(log);
        }
        return lines;
    }

    /** Parses every line of the log; a line that is not a JSON object fails the test. */
    private static List<JsonNode> parse(Path log) throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        List<String> lines = Files.readAllLines(log);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || i == lines.size() - 1 && !line.endsWith("}")) {
                continue;
            }
            JsonNode node = Json.mapper().readTree(line);
            assertThat(node.isObject()).as("log line %d: %s", i + 1, line).isTrue();
            parsed.add(node);
        }
        return parsed;
    }

    private void awaitHealthy(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server process is alive").isTrue();
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the server did not become healthy within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
