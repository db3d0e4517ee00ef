package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calls the tools directly, without a transport, to check argument reading and error results. */
@Timeout(30)
class McpToolsTest {
    private InMemoryServices services;

    @BeforeEach
    void startServices() throws Exception {
        services = InMemoryServices.quick();
    }

    @AfterEach
    void stopServices() {
        services.close();
    }

    @Test
    void listsNineToolsInOrder() {
        List<String> names =
                services.tools.tools().stream().map(McpSchema.Tool::name).toList();

        assertThat(names).containsExactlyElementsOf(ToolScenario.TOOL_NAMES);
        assertThat(services.tools.specifications()).hasSize(9);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "run_task     | {\"task\": \"t\", \"wait\": \"yes\"}        | wait",
                "run_task     | {\"task\": \"t\", \"private\": 1}          | private",
                "run_task     | {\"task\": \"t\", \"base_ref\": \"a..b\"}   | base_ref",
                "run_task     | {\"task\": \"t\", \"profile\": \"nope\"}    | nope",
                "list_jobs    | {\"limit\": \"5\"}                          | limit",
                "list_jobs    | {\"limit\": 2.5}                            | limit",
                "list_jobs    | {\"limit\": 1001}                           | limit",
                "cancel_job   | {}                                          | job_id",
                "cancel_job   | {\"job_id\": \"  \"}                        | job_id",
                "get_worktree | {\"worktree_id\": \"w-404\"}                | w-404",
                "prepare_worktree  | {}                                     | repo_url",
                "prepare_worktree  | {\"repo_url\": \"ftp://host/repo\"}    | repo_url",
                "cleanup_worktrees | {\"max_age_hours\": -1}                | max_age_hours",
                "cleanup_worktrees | {\"max_age_hours\": \"1\"}             | max_age_hours",
                "cleanup_worktrees | {\"paths\": 3}                         | paths",
                "list_worktrees    | {\"all\": true}                        | all"
            })
    void invalidArgumentsNameTheField(String tool, String arguments, String expected) throws Exception {
        McpSchema.CallToolResult result = services.tools.call(tool, parse(arguments));

        assertThat(result.isError()).as(tool + " " + arguments).isTrue();
        assertThat(error(result)).as(tool + " " + arguments).contains(expected);
    }

    @Test
    void unknownToolIsError() {
        McpSchema.CallToolResult result = services.tools.call("deploy", Map.of());

        assertThat(result.isError()).isTrue();
        assertThat(error(result)).contains("unknown tool 'deploy'").contains("run_task");
    }

    @Test
    void nullArgumentsMeanNone() {
        McpSchema.CallToolResult result = services.tools.call("list_profiles", null);

        assertThat(result.isError()).isFalse();
    }

    @Test
    void cleanupAcceptsCommaSeparatedPaths() {
        String first = worktreePath();
        String second = worktreePath();

        McpSchema.CallToolResult result =
                services.tools.call("cleanup_worktrees", Map.of("paths", first + " , " + second + ","));

        assertThat(result.isError()).isFalse();
        assertThat(number(result, "removed")).isEqualTo(2);
    }

    @Test
    void partialCleanupIsError() {
        String path = worktreePath();

        McpSchema.CallToolResult result =
                services.tools.call("cleanup_worktrees", Map.of("paths", path + ",/not/a/worktree"));

        assertThat(result.isError()).isTrue();
        assertThat(number(result, "removed")).isEqualTo(1);
    }

    @Test
    void listJobsDefaultsToAllStatuses() {
        services.tools.call("run_task", Map.of("task", "first"));

        McpSchema.CallToolResult result = services.tools.call("list_jobs", Map.of("status", ""));

        assertThat(result.isError()).isFalse();
        assertThat(number(result, "count")).isEqualTo(1);
    }

    @Test
    void runTaskRejectsUnknownWorktree() {
        McpSchema.CallToolResult result =
                services.tools.call("run_task", Map.of("task", "edit", "worktree_id", "wt-missing"));

        assertThat(result.isError()).isTrue();
        assertThat(error(result)).isEqualTo("Worktree not found: wt-missing");
        assertThat(number(services.tools.call("list_jobs", Map.of()), "count")).isZero();
    }

    @Test
    void runTaskRejectsWorktreeInUse() {
        Map<?, ?> worktree = prepareWorktree();
        String id = (String) worktree.get("worktree_id");
        services.worktrees.claim(id, "job-running");

        McpSchema.CallToolResult result = services.tools.call("run_task", Map.of("task", "edit", "worktree_id", id));

        assertThat(result.isError()).isTrue();
        assertThat(error(result)).startsWith("worktree " + id + " is in use by job job-running;");
        assertThat(number(services.tools.call("list_jobs", Map.of()), "count")).isZero();
    }

    @Test
    void getWorktreeReportsDiskState() {
        Map<?, ?> prepared = prepareWorktree();

        McpSchema.CallToolResult result =
                services.tools.call("get_worktree", Map.of("worktree_id", prepared.get("worktree_id")));

        assertThat(result.isError()).isFalse();
        Map<?, ?> worktree = (Map<?, ?>) ((Map<?, ?>) result.structuredContent()).get("worktree");
        assertThat(worktree.get("path")).isEqualTo(prepared.get("path"));
        assertThat(worktree.get("status")).isEqualTo("ready");
        assertThat(worktree.get("exists")).isEqualTo(true);
        assertThat(worktree.get("pushed")).isEqualTo(false);
        assertThat(worktree.containsKey("age_hours")).isTrue();
        assertThat(worktree.containsKey("size_bytes")).isTrue();
    }

    private String worktreePath() {
        return (String) prepareWorktree().get("path");
    }

    private Map<?, ?> prepareWorktree() {
        McpSchema.CallToolResult prepared = services.tools.call(
                "prepare_worktree", Map.of("repo_url", "https://git.example.test/acme/widgets.git"));
        assertThat(prepared.isError()).isFalse();
        return (Map<?, ?>) ((Map<?, ?>) prepared.structuredContent()).get("worktree");
    }

    private static Map<String, Object> parse(String json) throws Exception {
        Map<String, Object> arguments = new HashMap<>();
        Json.mapper()
                .readTree(json)
                .properties()
                .forEach(entry ->
                        arguments.put(entry.getKey(), Json.mapper().convertValue(entry.getValue(), Object.class)));
        return arguments;
    }

    private static int number(McpSchema.CallToolResult result, String field) {
        return ((Number) ((Map<?, ?>) result.structuredContent()).get(field)).intValue();
    }

    private static String error(McpSchema.CallToolResult result) {
        return (String) ((Map<?, ?>) result.structuredContent()).get("error");
    }
}
