package dev.agenticore.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.app.Adapters;
import dev.agenticore.app.AgenticoreServer;
import dev.agenticore.app.Main;
import dev.agenticore.app.ServerConfig;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentEventListener;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * The assembled server on a loopback port with the file store and a stand-in agent, for running
 * client commands against. The agent's behaviour depends on the task: a task containing {@code
 * fail} fails, one containing {@code slow} runs until {@link #releaseSlowJobs} or close, and any
 * other succeeds after a tool call.
 */
final class CliServer implements AutoCloseable {
    static final String API_KEY = "test-key-0123456789";

    final AgenticoreServer server;
    final Path home;
    private final boolean withApiKey;
    private final CountDownLatch slowJobs = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();

    private CliServer(Path home, boolean withApiKey, Map<String, String> settings) {
        this.home = home;
        this.withApiKey = withApiKey;
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("AGENTICORE_HOME", home.toString());
        environment.put("AGENTICORE_HOST", "127.0.0.1");
        environment.put("AGENTICORE_PORT", "0");
        environment.put("AGENTICORE_REPOS_ROOT", home.resolve("repos").toString());
        environment.put("AGENTICORE_DRAIN_TIMEOUT", "1");
        // Nothing in these tests opens a pull request; the closed loopback port makes sure of it.
        environment.put("GITHUB_API_URL", "http://127.0.0.1:9");
        if (withApiKey) {
            environment.put("AGENTICORE_API_KEYS", API_KEY);
        }
        ServerConfig config = ServerConfig.load(environment, null);
        Adapters files = Adapters.forConfig(config);
        Adapters adapters = new Adapters(
                files.jobStore(),
                files.eventLog(),
                files.worktreeStore(),
                files.profiles(),
                new InMemoryAgentRunner(this::runAgent, Clock.systemUTC()),
                files.git(),
                files.codeHost());
        server = AgenticoreServer.create(config, adapters).start();
    }

    /** Starts a server that needs no API key. */
    static CliServer start(Path home) {
        return new CliServer(home, false, Map.of());
    }

    /** Starts a server that needs {@link #API_KEY}. */
    static CliServer startWithApiKey(Path home) {
        return new CliServer(home, true, Map.of());
    }

    /** Starts a server that accepts {@code file://} repository URLs. */
    static CliServer startWithFileUrls(Path home) {
        return new CliServer(home, false, Map.of("AGENTICORE_ALLOW_FILE_URLS", "true"));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Runs {@code agenticore <command> --url <this server> [--api-key KEY] <arguments>} in-process. */
    Result cli(String command, String... arguments) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.add("--url=" + url());
        if (withApiKey) {
            all.add("--api-key=" + API_KEY);
        }
        all.addAll(List.of(arguments));
        return run(all.toArray(String[]::new));
    }

    /** Runs the command line in-process with captured output. */
    static Result run(String... arguments) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Returns the body of {@code GET path}, sent directly to the server. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        if (withApiKey) {
            request.header("X-Api-Key", API_KEY);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    /** Waits until a job leaves the queued and running states, and returns it. */
    JsonNode awaitEnd(String jobId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode job = get("/jobs/" + jobId).path("job");
        while (List.of("queued", "running").contains(job.path("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = get("/jobs/" + jobId).path("job");
        }
        return job;
    }

    void releaseSlowJobs() {
        slowJobs.countDown();
    }

    private AgentOutcome runAgent(AgentInvocation invocation, AgentEventListener events) throws InterruptedException {
        String task = invocation.prompt();
        events.onEvent(new AgentEvent.SessionStarted("s-1", "stand-in"));
        events.onEvent(new AgentEvent.TextDelta("Reading"));
        events.onEvent(new AgentEvent.AssistantText("Reading the task"));
        if (task.contains("slow")) {
            slowJobs.await(30, TimeUnit.SECONDS);
        }
        events.onEvent(new AgentEvent.ToolCall("t-1", "Bash", "{\"command\":\"ls -la\",\"description\":\"List\"}"));
        events.onEvent(new AgentEvent.ToolResult("t-1", "README.md", false));
        if (task.contains("fail")) {
            events.onEvent(new AgentEvent.ToolResult("t-2", "permission denied", true));
            return new AgentOutcome(1, "", true, "the model is unavailable", "s-1", 0.002, 1, 5L, null);
        }
        events.onEvent(new AgentEvent.Result("done: " + task, false, "s-1", 2, 5L, 0.0123, null));
        return new AgentOutcome(0, "done: " + task, false, "", "s-1", 0.0123, 2, 5L, null);
    }

    @Override
    public void close() {
        slowJobs.countDown();
        server.close();
    }

    /** Exit code and captured output of one command. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(out);
        }
    }
}
