package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the output of {@code mcp-client.mjs}: the tool list and every call of its {@code all}
 * scenario. The same checks run over each transport.
 */
final class ToolScenario {
    static final List<String> TOOL_NAMES = List.of(
            "run_task",
            "get_job",
            "list_jobs",
            "cancel_job",
            "list_profiles",
            "prepare_worktree",
            "get_worktree",
            "list_worktrees",
            "cleanup_worktrees");

    /** Calls that must fail, with a word that the error message must contain. */
    private static final Map<String, String> FAILURES = Map.of(
            "get_job_unknown", "no-such-job",
            "get_job_number", "job_id",
            "run_task_number", "task",
            "run_task_unknown_field", "colour",
            "run_task_without_task", "task",
            "list_jobs_zero_limit", "limit",
            "list_jobs_unknown_status", "status",
            "list_profiles_unknown_field", "verbose",
            "cleanup_worktrees_empty", "paths");

    private ToolScenario() {}

    static void assertConnected(JsonNode output) {
        assertThat(output.path("connected").asBoolean())
                .as("connected: %s", output)
                .isTrue();
        assertThat(output.at("/serverInfo/name").asText()).isEqualTo("agenticore");
        assertThat(output.path("instructions").asText()).contains("run_task");
    }

    static void assertToolList(JsonNode tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> names.add(tool.path("name").asText()));
        assertThat(names).containsExactlyElementsOf(TOOL_NAMES);
        for (JsonNode tool : tools) {
            String name = tool.path("name").asText();
            assertThat(tool.path("description").asText()).as(name).isNotBlank();
            assertThat(tool.at("/inputSchema/type").asText()).as(name).isEqualTo("object");
            assertThat(tool.at("/inputSchema/additionalProperties").asBoolean(true))
                    .as(name)
                    .isFalse();
            tool.at("/inputSchema/properties")
                    .forEach(property -> assertThat(property.path("description").asText())
                            .as(name)
                            .isNotBlank());
        }

        JsonNode runTask = tools.get(0).path("inputSchema");
        assertThat(runTask.path("required").toString()).isEqualTo("[\"task\"]");
        assertThat(runTask.at("/properties/task/type").asText()).isEqualTo("string");
        assertThat(runTask.at("/properties/base_ref/default").asText()).isEqualTo("main");
        assertThat(runTask.at("/properties/create_repo/default").asBoolean(true))
                .isFalse();
        assertThat(runTask.at("/properties/private/default").asBoolean(false)).isTrue();
        assertThat(runTask.at("/properties/wait/default").asBoolean(true)).isFalse();
        assertThat(runTask.at("/properties/wait/type").asText()).isEqualTo("boolean");

        JsonNode listJobs = tools.get(2).path("inputSchema");
        assertThat(listJobs.at("/properties/limit/type").asText()).isEqualTo("integer");
        assertThat(listJobs.at("/properties/limit/default").asInt()).isEqualTo(20);
        assertThat(listJobs.at("/properties/status/default").asText("x")).isEmpty();

        JsonNode prepare = tools.get(5).path("inputSchema");
        assertThat(prepare.path("required").toString()).isEqualTo("[\"repo_url\"]");
        assertThat(prepare.at("/properties/base_ref/default").asText()).isEqualTo("main");

        JsonNode cleanup = tools.get(8).path("inputSchema");
        assertThat(cleanup.at("/properties/paths/type").asText()).isEqualTo("string");
        assertThat(cleanup.at("/properties/max_age_hours/type").asText()).isEqualTo("integer");
        assertThat(cleanup.at("/properties/max_age_hours/default").asInt(-1)).isZero();
    }

    static void assertEveryCall(JsonNode calls) throws IOException {
        JsonNode job = success(calls, "get_job").path("job");
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        assertThat(job.path("output").asText()).isEqualTo("done: write a greeting");
        assertThat(success(calls, "run_task").at("/job/status").asText()).isEqualTo("queued");

        JsonNode waited = success(calls, "run_task_wait").path("job");
        assertThat(waited.path("status").asText()).isEqualTo("succeeded");
        assertThat(waited.path("output").asText()).isEqualTo("done: wait for me");

        assertThat(success(calls, "list_jobs").path("count").asInt()).isEqualTo(1);
        assertThat(success(calls, "list_jobs_by_status").at("/jobs/0/id").asText())
                .isEqualTo(job.path("id").asText());
        assertThat(success(calls, "cancel_job").at("/job/status").asText()).isEqualTo("succeeded");
        assertThat(success(calls, "list_profiles").path("count").asInt()).isEqualTo(2);
        assertThat(success(calls, "list_profiles").at("/profiles/0/name").asText())
                .isEqualTo("code");

        JsonNode worktree = success(calls, "prepare_worktree").path("worktree");
        assertThat(worktree.path("status").asText()).isEqualTo("ready");
        assertThat(worktree.path("base_ref").asText()).isEqualTo("main");
        JsonNode got = success(calls, "get_worktree").path("worktree");
        worktree.properties()
                .forEach(field -> assertThat(got.path(field.getKey()))
                        .as("get_worktree " + field.getKey())
                        .isEqualTo(field.getValue()));
        assertThat(got.path("exists").asBoolean()).isTrue();
        JsonNode listed = success(calls, "list_worktrees").at("/worktrees/0");
        assertThat(listed.path("path")).isEqualTo(worktree.path("path"));
        for (String field : List.of("age_hours", "size_bytes", "pushed")) {
            assertSameJson("get_worktree " + field, got.path(field), listed.path(field));
        }
        JsonNode cleanup = success(calls, "cleanup_worktrees");
        assertThat(cleanup.path("removed").asInt()).isEqualTo(1);
        assertThat(cleanup.at("/results/0/path")).isEqualTo(worktree.path("path"));

        for (Map.Entry<String, String> failure : FAILURES.entrySet()) {
            JsonNode body = failure(calls, failure.getKey());
            assertThat(body.path("error").asText()).as(failure.getKey()).contains(failure.getValue());
        }
    }

    /** Returns the envelope of a successful call after checking that text and structure agree. */
    static JsonNode success(JsonNode calls, String call) throws IOException {
        JsonNode result = calls.path(call);
        assertThat(result.path("isError").asBoolean(false))
                .as("%s: %s", call, result)
                .isFalse();
        JsonNode body = envelope(call, result);
        assertThat(body.path("success").asBoolean()).as(call).isTrue();
        return body;
    }

    private static JsonNode failure(JsonNode calls, String call) throws IOException {
        JsonNode result = calls.path(call);
        assertThat(result.path("isError").asBoolean())
                .as("%s: %s", call, result)
                .isTrue();
        JsonNode body = envelope(call, result);
        assertThat(body.size()).as(call).isEqualTo(2);
        assertThat(body.path("success").isBoolean()).as(call).isTrue();
        assertThat(body.path("success").asBoolean()).as(call).isFalse();
        return body;
    }

    private static JsonNode envelope(String call, JsonNode result) throws IOException {
        assertThat(result.path("content").size()).as(call).isEqualTo(1);
        assertThat(result.at("/content/0/type").asText()).as(call).isEqualTo("text");
        JsonNode text = Json.mapper().readTree(result.at("/content/0/text").asText());
        JsonNode structured = result.path("structuredContent");
        assertSameJson(call + ": text content equals structured content", structured, text);
        return structured;
    }

    /**
     * Asserts that two JSON values are equal, comparing numbers by value: JavaScript prints the
     * double 0.0 as 0 when it passes structured content on.
     */
    static void assertSameJson(String description, JsonNode actual, JsonNode expected) {
        boolean same = actual.equals(
                (a, b) ->
                        a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1,
                expected);
        assertThat(same)
                .as("%s%nexpected: %s%nactual:   %s", description, expected, actual)
                .isTrue();
    }
}
