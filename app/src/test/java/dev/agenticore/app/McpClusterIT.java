package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import dev.agenticore.testkit.redis.RedisServerExtension;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MCP client behind a round-robin load balancer in front of three server processes on one
 * Redis: consecutive requests of one client reach different nodes, and every tool call works, also
 * after the node that handled the client's {@code initialize} was killed. Over HTTP+SSE, messages
 * posted to any node reach the node that owns the client's event stream.
 */
@Timeout(180)
class McpClusterIT {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled", "expired");

    @TempDir
    Path directory;

    private final List<ServerProcess> nodes = new ArrayList<>();
    private RoundRobinProxy proxy;
    private McpSyncClient client;
    private CountingStandIn agent;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        nodes.forEach(ServerProcess::close);
    }

    @Test
    void requestsOfOneClientSpreadOverNodes() throws Exception {
        startCluster();
        client.initialize();

        List<String> tools =
                client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        JsonNode submitted = call("run_task", Map.of("task", "spread over nodes"));
        JsonNode finished = awaitEnd(submitted.at("/job/id").asText());
        JsonNode listed = call("list_jobs", Map.of("limit", 5));
        JsonNode holding = call("run_task", Map.of("task", "hold-on"));
        JsonNode cancelled =
                call("cancel_job", Map.of("job_id", holding.at("/job/id").asText()));

        assertThat(tools).contains("run_task", "get_job", "cancel_job");
        assertThat(finished.at("/job/status").asText()).isEqualTo("succeeded");
        assertThat(listed.at("/jobs/0/id").asText())
                .as(listed.toString())
                .isEqualTo(submitted.at("/job/id").asText());
        assertThat(cancelled.at("/job/status").asText()).isEqualTo("cancelled");
        assertThat(proxy.servedPerPort().keySet())
                .as("nodes that served the client")
                .containsExactlyInAnyOrderElementsOf(
                        nodes.stream().map(ServerProcess::port).toList());
        assertThat(agent.runsPerJob()).containsEntry(submitted.at("/job/id").asText(), 1);
    }

    @Test
    void clientOutlivesTheNodeThatInitializedIt() throws Exception {
        startCluster();
        client.initialize();
        int initializedBy = proxy.order().get(0);
        ServerProcess first = nodes.stream()
                .filter(node -> node.port() == initializedBy)
                .findFirst()
                .orElseThrow();

        first.kill();
        List<JsonNode> finished = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode submitted = call("run_task", Map.of("task", "after the kill " + i));
            finished.add(awaitEnd(submitted.at("/job/id").asText()));
        }

        assertThat(finished).extracting(job -> job.at("/job/status").asText()).containsOnly("succeeded");
        assertThat(proxy.order().subList(1, proxy.order().size())).doesNotContain(initializedBy);
    }

    // The SDK deprecates its HTTP+SSE client along with the transport, which older clients still use.
    @SuppressWarnings("deprecation")
    @Test
    void sseMessagesReachTheNodeOfTheStream() throws Exception {
        startCluster();
        client.close();
        client = McpClient.sync(HttpClientSseClientTransport.builder(proxy.url())
                        .sseEndpoint("/sse")
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();

        List<JsonNode> finished = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode submitted = call("run_task", Map.of("task", "over the event stream " + i));
            finished.add(awaitEnd(submitted.at("/job/id").asText()));
        }

        List<String> routes = proxy.routes();
        int streamPort = portOf(routes.stream()
                .filter(route -> route.startsWith("GET /sse "))
                .findFirst()
                .orElseThrow());
        Set<Integer> messagePorts = routes.stream()
                .filter(route -> route.startsWith("POST /messages "))
                .map(McpClusterIT::portOf)
                .collect(Collectors.toSet());
        assertThat(finished).extracting(job -> job.at("/job/status").asText()).containsOnly("succeeded");
        assertThat(messagePorts).as(routes.toString()).contains(streamPort).hasSize(3);
    }

    private static int portOf(String route) {
        return Integer.parseInt(route.substring(route.lastIndexOf(' ') + 1));
    }

    private JsonNode call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(
                McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        JsonNode body = Json.mapper().valueToTree(result.structuredContent());
        assertThat(result.isError()).as(tool + ": " + body).isFalse();
        return body;
    }

    private JsonNode awaitEnd(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode body = call("get_job", Map.of("job_id", jobId));
        while (!TERMINAL.contains(body.at("/job/status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            body = call("get_job", Map.of("job_id", jobId));
        }
        return body;
    }

    private void startCluster() throws Exception {
        agent = CountingStandIn.create(directory);
        for (int i = 1; i <= 3; i++) {
            String node = "node-" + i;
            Map<String, String> environment = agent.environment(directory.resolve(node), node);
            environment.put("REDIS_URL", REDIS.url());
            environment.put("REDIS_KEY_PREFIX", "mcp-cluster-it");
            environment.put("FAKE_CLAUDE_SECONDS", "0.2");
            nodes.add(ServerProcess.start(environment, directory.resolve(node + ".log")));
        }
        proxy = RoundRobinProxy.start(nodes.stream().map(ServerProcess::port).toList());
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder(proxy.url())
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }
}
