package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class StreamableHttpIT {
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
                "http",
                "url",
                fixture.url("/mcp"),
                "headers",
                Map.of("Authorization", "Bearer " + McpFixture.KEY),
                "scenario",
                "all"));

        ToolScenario.assertConnected(output);
        ToolScenario.assertToolList(output.path("tools"));
        ToolScenario.assertEveryCall(output.path("calls"));
        assertMatchesRest(output.path("calls"));
    }

    @Test
    void typescriptClientWithoutKeyCannotConnect() throws Exception {
        JsonNode output =
                NodeClients.runSdkClient(Map.of("transport", "http", "url", fixture.url("/mcp"), "scenario", "list"));

        assertThat(output.path("connected").asBoolean(true)).isFalse();
        assertThat(output.path("error").asText()).contains("Invalid or missing API key");
    }

    private void assertMatchesRest(JsonNode calls) throws Exception {
        JsonNode job = ToolScenario.success(calls, "get_job");
        ToolScenario.assertSameJson(
                "get_job", job, fixture.restGet("/jobs/" + job.at("/job/id").asText()));
        ToolScenario.assertSameJson(
                "list_profiles", ToolScenario.success(calls, "list_profiles"), fixture.restGet("/profiles"));
        JsonNode worktree = ToolScenario.success(calls, "get_worktree");
        String worktreeId = worktree.at("/worktree/worktree_id").asText();
        JsonNode restWorktree = fixture.restGet("/worktrees/" + worktreeId);
        assertThat(restWorktree.at("/worktree/status").asText())
                .as("status after cleanup_worktrees")
                .isEqualTo("removed");
        assertThat(restWorktree.at("/worktree/exists").asBoolean(true))
                .as("exists after cleanup_worktrees")
                .isFalse();
        ObjectNode restRecord = (ObjectNode) restWorktree.path("worktree");
        restRecord.put("status", "ready");
        for (String field : List.of("exists", "age_hours", "size_bytes", "pushed")) {
            restRecord.set(field, worktree.at("/worktree/" + field));
        }
        ToolScenario.assertSameJson("get_worktree before cleanup", worktree, restWorktree);
    }
}
