package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SseIT {
    private McpFixture fixture;

    @BeforeEach
    void startServer() throws Exception {
        NodeClients.assumeSdkInstalled();
        fixture = McpFixture.withKey();
    }

    @AfterEach
    void stopServer() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void typescriptClientCallsEveryTool() throws Exception {
        JsonNode output = NodeClients.runSdkClient(Map.of(
                "transport",
                "sse",
                "url",
                fixture.url("/sse"),
                "headers",
                Map.of("X-Api-Key", McpFixture.KEY),
                "scenario",
                "all"));

        ToolScenario.assertConnected(output);
        ToolScenario.assertToolList(output.path("tools"));
        ToolScenario.assertEveryCall(output.path("calls"));
        JsonNode job = ToolScenario.success(output.path("calls"), "get_job");
        ToolScenario.assertSameJson(
                "get_job", job, fixture.restGet("/jobs/" + job.at("/job/id").asText()));
    }

    @Test
    void typescriptClientWithWrongKeyCannotConnect() throws Exception {
        JsonNode output = NodeClients.runSdkClient(Map.of(
                "transport",
                "sse",
                "url",
                fixture.url("/sse"),
                "headers",
                Map.of("X-Api-Key", "wrong-key"),
                "scenario",
                "list"));

        assertThat(output.path("connected").asBoolean(true)).isFalse();
        assertThat(output.path("error").asText()).contains("401");
    }
}
