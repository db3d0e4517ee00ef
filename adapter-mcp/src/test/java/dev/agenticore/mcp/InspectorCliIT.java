package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The MCP Inspector's command line mode lists and calls the tools over each transport. Its version
 * 0.15.0 sends no custom headers, so it passes the key as {@code api_key} on Streamable HTTP and
 * uses a server without keys for SSE, whose message URL drops the query.
 */
@Timeout(180)
class InspectorCliIT {
    @BeforeEach
    void requireInspector() {
        NodeClients.assumeInspectorInstalled();
    }

    @Test
    void listsAndCallsToolsOverStreamableHttp() throws Exception {
        try (McpFixture fixture = McpFixture.withKey()) {
            String url = fixture.url("/mcp?api_key=" + McpFixture.KEY);

            assertToolNames(NodeClients.runInspector(List.of(url, "--method", "tools/list"), Map.of()));
            JsonNode profiles = NodeClients.runInspector(
                    List.of(url, "--method", "tools/call", "--tool-name", "list_profiles"), Map.of());
            assertThat(envelope(profiles).path("count").asInt()).isEqualTo(2);
            JsonNode submitted = NodeClients.runInspector(
                    List.of(url, "--method", "tools/call", "--tool-name", "run_task", "--tool-arg", "task=say hello"),
                    Map.of());
            assertThat(envelope(submitted).at("/job/task").asText()).isEqualTo("say hello");
        }
    }

    @Test
    void waitingRunTaskAndUnknownJob() throws Exception {
        try (McpFixture fixture = McpFixture.withKey()) {
            String url = fixture.url("/mcp?api_key=" + McpFixture.KEY);

            JsonNode waited = NodeClients.runInspector(
                    List.of(
                            url,
                            "--method",
                            "tools/call",
                            "--tool-name",
                            "run_task",
                            "--tool-arg",
                            "task=t",
                            "wait=true"),
                    Map.of());
            assertThat(waited.path("isError").asBoolean()).isFalse();
            assertThat(envelope(waited).at("/job/status").asText()).isEqualTo("succeeded");
            JsonNode unknown = NodeClients.runInspector(
                    List.of(
                            url,
                            "--method",
                            "tools/call",
                            "--tool-name",
                            "get_job",
                            "--tool-arg",
                            "job_id=no-such-job"),
                    Map.of());
            assertThat(unknown.path("isError").asBoolean()).isTrue();
            assertThat(envelope(unknown).path("error").asText()).contains("no-such-job");
        }
    }

    @Test
    void listsToolsOverSse() throws Exception {
        try (McpFixture fixture = new McpFixture(InMemoryServices.quick(), List.of(), null)) {
            JsonNode tools = NodeClients.runInspector(
                    List.of(fixture.url("/sse"), "--transport", "sse", "--method", "tools/list"), Map.of());

            assertToolNames(tools);
        }
    }

    @Test
    void listsToolsOverStdio() throws Exception {
        List<String> command = NodeClients.stdioServerCommand();
        // The class path travels in CLASSPATH because the inspector would read -cp as its own option.
        JsonNode tools = NodeClients.runInspector(
                List.of(command.get(0), StdioTestServer.class.getName(), "--method", "tools/list"),
                Map.of("CLASSPATH", command.get(2)));

        assertToolNames(tools);
    }

    private static void assertToolNames(JsonNode output) {
        List<String> names = new ArrayList<>();
        output.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
        assertThat(names).containsExactlyElementsOf(ToolScenario.TOOL_NAMES);
    }

    private static JsonNode envelope(JsonNode result) throws Exception {
        return Json.mapper().readTree(result.at("/content/0/text").asText());
    }
}
