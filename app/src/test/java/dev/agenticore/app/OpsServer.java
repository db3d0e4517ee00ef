package dev.agenticore.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.core.memory.InMemoryJobEventLog;
import dev.agenticore.core.memory.InMemoryJobStore;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The assembled server on a loopback port with an in-memory job store and event log and an agent
 * that finishes at once, for the operations tests. Profiles, worktrees and git are the real adapters
 * under a temporary home; the GitHub API points at a closed loopback port.
 */
final class OpsServer implements AutoCloseable {
    static final String API_KEY = "ops-key";

    final AgenticoreServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OpsServer(Path home, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("AGENTICORE_HOME", home.toString());
        environment.put("AGENTICORE_HOST", "127.0.0.1");
        environment.put("AGENTICORE_PORT", "0");
        environment.put("AGENTICORE_REPOS_ROOT", home.resolve("repos").toString());
        environment.put("AGENTICORE_DRAIN_TIMEOUT", "1");
        environment.put("AGENTICORE_API_KEYS", API_KEY);
        environment.put("GITHUB_API_URL", "http://127.0.0.1:9");
        ServerConfig config = ServerConfig.load(environment, null);
        Adapters files = Adapters.forConfig(config);
        Clock clock = Clock.systemUTC();
        Adapters adapters = new Adapters(
                new InMemoryJobStore(),
                new InMemoryJobEventLog(clock),
                files.worktreeStore(),
                files.profiles(),
                new InMemoryAgentRunner(
                        (invocation, events) -> new AgentOutcome(0, "done", false, "", "", 0.25, 1, 5L, null), clock),
                files.git(),
                files.codeHost());
        server = AgenticoreServer.create(config, adapters).start();
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request with the API key. */
    HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, Map.of("X-Api-Key", API_KEY));
    }

    JsonNode json(String method, String path, String body) throws IOException, InterruptedException {
        return Json.mapper().readTree(call(method, path, body).body());
    }

    @Override
    public void close() {
        server.close();
    }
}
