package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends thousands of malformed requests to every REST route and MCP tool: bad JSON, wrong types,
 * huge values, path traversal, git option injection, invalid UTF-8 and repeated ids. None may get a
 * 5xx or a stack trace, the server must stay healthy, and jobs stored before must not change.
 */
@Timeout(300)
class RequestFuzzIT {
    private static final Pattern STACK_TRACE =
            Pattern.compile("Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+");

    @TempDir
    Path home;

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void malformedRequestsNeverBreakTheServer() throws Exception {
        try (ServerHarness server = ServerHarness.withStandIn(home, Map.of("AGENTICORE_ALLOW_FILE_URLS", "false"))) {
            List<JsonNode> before = storedJobs(server);
            FuzzInputs inputs = new FuzzInputs(new Random(20261204));
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            for (String body : inputs.jobBodies()) {
                check(client, request(server, "/jobs").POST(bytes(body)), "POST /jobs " + abbreviate(body));
            }
            for (byte[] body : inputs.rawBodies()) {
                check(
                        client,
                        request(server, "/jobs").POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                        "POST /jobs raw");
                check(
                        client,
                        request(server, "/worktrees").POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                        "POST /worktrees raw");
                check(
                        client,
                        request(server, "/worktrees/cleanup").POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                        "cleanup raw");
            }
            for (String body : inputs.worktreeBodies()) {
                check(client, request(server, "/worktrees").POST(bytes(body)), "POST /worktrees " + abbreviate(body));
                check(client, request(server, "/worktrees/cleanup").POST(bytes(body)), "cleanup " + abbreviate(body));
            }
            for (String id : inputs.ids()) {
                for (String path : List.of("/jobs/", "/worktrees/")) {
                    check(client, request(server, path + id).GET(), "GET " + path + abbreviate(id));
                    check(client, request(server, path + id).DELETE(), "DELETE " + path + abbreviate(id));
                }
                check(client, request(server, "/jobs/" + id + "/events").GET(), "events " + abbreviate(id));
            }
            for (String query : inputs.queries()) {
                check(client, request(server, "/jobs?" + query).GET(), "GET /jobs?" + abbreviate(query));
            }
            for (String method : List.of("PUT", "PATCH", "OPTIONS")) {
                for (String path :
                        List.of("/jobs", "/jobs/x", "/profiles", "/health", "/worktrees", "/worktrees/cleanup")) {
                    check(client, request(server, path).method(method, bytes("{}")), method + " " + path);
                }
            }
            McpFuzzer mcp = new McpFuzzer(client, server.uri("/mcp"));
            for (Map<String, Object> call : inputs.toolCalls()) {
                mcp.call(call).ifPresent(problem -> failures.add(problem));
                sent++;
            }

            assertThat(sent).isGreaterThanOrEqualTo(2000);
            assertThat(failures).isEmpty();
            assertThat(server.get("/health").get("status").asText()).isEqualTo("ok");
            for (JsonNode job : before) {
                assertThat(server.get("/jobs/" + job.get("id").asText()).get("job"))
                        .isEqualTo(job);
            }
        }
    }

    private List<JsonNode> storedJobs(ServerHarness server) throws Exception {
        List<JsonNode> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = server.submit("{\"task\": \"baseline " + i + "\"}")
                    .get("id")
                    .asText();
            jobs.add(server.awaitJob(id, Duration.ofSeconds(30)));
        }
        return jobs;
    }

    private void check(HttpClient client, HttpRequest.Builder request, String label) {
        sent++;
        try {
            HttpResponse<String> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 500) {
                failures.add(label + " -> " + response.statusCode() + " " + abbreviate(response.body()));
            } else if (STACK_TRACE.matcher(response.body()).find()) {
                failures.add(label + " -> stack trace in body: " + abbreviate(response.body()));
            }
        } catch (IllegalArgumentException e) {
            sent--;
        } catch (Exception e) {
            failures.add(label + " -> " + e);
        }
    }

    private static HttpRequest.Builder request(ServerHarness server, String path) {
        try {
            return HttpRequest.newBuilder(URI.create(server.uri("").toString() + path))
                    .header("Content-Type", "application/json");
        } catch (IllegalArgumentException e) {
            return HttpRequest.newBuilder(server.uri("/jobs/not-a-valid-uri"));
        }
    }

    private static HttpRequest.BodyPublisher bytes(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }
}
