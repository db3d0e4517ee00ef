package dev.agenticore.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.claude.ClaudeCodeSettings;
import dev.agenticore.json.Json;
import dev.agenticore.testkit.anthropic.ClaudeCodeCli;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.ScriptedAnthropicApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The assembled server with the file store and the real Claude Code CLI, talking to a scripted
 * model on a loopback port. Every CLI process gets a loopback {@code ANTHROPIC_BASE_URL} and
 * {@code CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1}.
 */
final class ServerHarness implements AutoCloseable {
    final ScriptedAnthropicApi model;
    final Path home;
    final AgenticoreServer server;
    final HttpClient client = HttpClient.newHttpClient();

    ServerHarness(ClaudeCodeExtension.Setup claude, Path home, Map<String, String> settings) throws IOException {
        this(claude, home, settings, claude.binary().toString());
    }

    ServerHarness(ClaudeCodeExtension.Setup claude, Path home, Map<String, String> settings, String binary)
            throws IOException {
        this(
                home,
                claude.model(),
                config(
                        home,
                        settings,
                        binary,
                        ClaudeCodeCli.environment(claude.model().baseUrl(), claude.home())));
    }

    private ServerHarness(Path home, ScriptedAnthropicApi model, ServerConfig config) {
        this.home = home;
        this.model = model;
        this.server = AgenticoreServer.create(config).start();
    }

    /**
     * Starts a server whose jobs run the {@link StandInAgent} script instead of the Claude Code CLI,
     * for tests that need many fast or slow jobs but no model.
     */
    static ServerHarness withStandIn(Path home, Map<String, String> settings) throws IOException {
        Path script = StandInAgent.install(java.nio.file.Files.createDirectories(home.resolve("bin")));
        return new ServerHarness(home, null, config(home, settings, script.toString(), Map.of()));
    }

    private static ServerConfig config(
            Path home, Map<String, String> settings, String binary, Map<String, String> cliEnvironment) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("AGENTICORE_HOME", home.toString());
        environment.putIfAbsent("AGENTICORE_PORT", "0");
        environment.putIfAbsent("AGENTICORE_REPOS_ROOT", home.resolve("repos").toString());
        ServerConfig config = ServerConfig.load(environment, null);
        ClaudeCodeSettings configured = config.claude();
        return config.withClaude(new ClaudeCodeSettings(
                binary,
                configured.deniedEnvironment(),
                cliEnvironment,
                configured.otel(),
                Duration.ofSeconds(2),
                configured.defaultMcpConfig()));
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    JsonNode submit(String body) throws IOException, InterruptedException {
        JsonNode response = post("/jobs", body);
        if (!response.path("success").asBoolean()) {
            throw new AssertionError("submission failed: " + response);
        }
        return response.get("job");
    }

    JsonNode awaitJob(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = get("/jobs/" + id).get("job");
        while (!terminal(job.get("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = get("/jobs/" + id).get("job");
        }
        return job;
    }

    JsonNode awaitStatus(String id, String status, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = get("/jobs/" + id).get("job");
        while (!job.get("status").asText().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = get("/jobs/" + id).get("job");
        }
        return job;
    }

    /** Returns the job id that the runner put into the CLI's system prompt. */
    static String jobIdIn(String systemPrompt) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("Job: ([0-9a-f-]{36})").matcher(systemPrompt);
        if (!matcher.find()) {
            throw new AssertionError("no job context in the system prompt: " + systemPrompt);
        }
        return matcher.group(1);
    }

    /** Returns the working directory of a job, read from the server. */
    Path workingDirectory(String jobId) {
        try {
            return Path.of(get("/jobs/" + jobId).get("job").get("worktree_path").asText());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                request.header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    private static boolean terminal(String status) {
        return !status.equals("queued") && !status.equals("running");
    }

    @Override
    public void close() {
        server.close();
    }
}
