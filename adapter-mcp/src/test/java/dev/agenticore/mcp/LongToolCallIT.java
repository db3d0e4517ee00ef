package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code run_task} call with {@code wait=true} outlasts Jetty's idle timeout: the agent takes 3
 * seconds while the connectors' idle timeout is 1 second and the server sends nothing meanwhile.
 */
@org.junit.jupiter.api.Timeout(120)
class LongToolCallIT {
    private McpFixture fixture;

    @BeforeEach
    void startServer() throws Exception {
        NodeClients.assumeSdkInstalled();
        InMemoryServices services = new InMemoryServices(Duration.ofSeconds(3), Duration.ofSeconds(20));
        fixture = new McpFixture(services, List.of(McpFixture.KEY), Duration.ofSeconds(1));
    }

    @AfterEach
    void stopServer() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"http, /mcp", "sse, /sse"})
    void waitingRunTaskOutlastsIdleTimeout(String transport, String path) throws Exception {
        JsonNode output = NodeClients.runSdkClient(Map.of(
                "transport",
                transport,
                "url",
                fixture.url(path),
                "headers",
                Map.of("X-Api-Key", McpFixture.KEY),
                "scenario",
                "wait"));

        ToolScenario.assertConnected(output);
        JsonNode job =
                ToolScenario.success(output.path("calls"), "run_task_wait").path("job");
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
    }
}
