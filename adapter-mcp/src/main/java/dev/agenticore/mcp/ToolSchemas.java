package dev.agenticore.mcp;

import dev.agenticore.core.job.JobRequest;
import dev.agenticore.core.job.JobService;
import dev.agenticore.core.job.JobStatus;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool definitions: names, descriptions and input JSON schemas. The schema's properties
 * are also the accepted argument names, so {@link ToolArguments} rejects any other field.
 */
final class ToolSchemas {
    private static final String JOB_ID = "Job id, as returned by run_task or list_jobs.";
    private static final String WORKTREE_ID = "Worktree id, as returned by prepare_worktree or list_worktrees.";

    private ToolSchemas() {}

    static McpSchema.Tool runTask() {
        return tool(
                "run_task",
                "Run a coding task",
                "Queues a coding task for Claude Code and returns the job. With repo_url the agent works in a"
                        + " fresh checkout of base_ref and, when the profile enables it, opens a pull request."
                        + " The job runs in the background: call get_job with the returned job.id until"
                        + " job.status is succeeded, failed, cancelled or expired, then read job.output,"
                        + " job.pr_url or job.error.",
                runTaskProperties(),
                List.of("task"),
                new McpSchema.ToolAnnotations("Run a coding task", false, false, false, true, null));
    }

    private static Map<String, Object> runTaskProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("task", string("What the agent should do, written as you would brief a developer."));
        properties.put(
                "repo_url",
                string("Repository to work in, as an https:// or git@ URL. Omit it to work in an empty"
                        + " scratch directory without a repository or pull request."));
        properties.put("profile", string("Execution profile from list_profiles. Omit it for the server's default."));
        properties.put(
                "base_ref",
                string("Branch the work starts from and the pull request targets.", JobRequest.DEFAULT_BASE_REF));
        properties.put(
                "session_id",
                string("Claude session to resume: the session_id of an earlier job. Omit it to start afresh."));
        properties.put(
                "file_path",
                string("Absolute path on the server of a .mcp.json file whose MCP servers the agent gets."));
        properties.put(
                "create_repo", bool("Create the repository on the code host first when it does not exist.", false));
        properties.put("private", bool("Whether a repository created by create_repo is private.", true));
        properties.put("worktree_id", string("Run in this worktree from prepare_worktree instead of a new checkout."));
        properties.put(
                "wait",
                bool(
                        "Block until the job ends and return its final state, up to the server's wait limit."
                                + " Tasks often take minutes, so prefer polling get_job.",
                        false));
        return properties;
    }

    static McpSchema.Tool getJob() {
        return tool(
                "get_job",
                "Get a job",
                "Returns one job: its status, output, error, pull request URL, cost and timestamps.",
                Map.of("job_id", string(JOB_ID)),
                List.of("job_id"),
                readOnly("Get a job"));
    }

    static McpSchema.Tool listJobs() {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> limit = integer("Maximum number of jobs to return.", JobService.DEFAULT_LIST_LIMIT, 1);
        limit.put("maximum", JobService.MAX_LIST_LIMIT);
        properties.put("limit", limit);
        Map<String, Object> status = string("Return only jobs in this status; empty for every status.", "");
        List<String> statuses = new ArrayList<>(List.of(""));
        Arrays.stream(JobStatus.values()).map(JobStatus::wireName).forEach(statuses::add);
        status.put("enum", statuses);
        properties.put("status", status);
        return tool(
                "list_jobs",
                "List jobs",
                "Lists jobs, newest first, optionally only those in one status.",
                properties,
                List.of(),
                readOnly("List jobs"));
    }

    static McpSchema.Tool cancelJob() {
        return tool(
                "cancel_job",
                "Cancel a job",
                "Cancels a queued or running job and stops its agent. A job that already ended is returned"
                        + " unchanged.",
                Map.of("job_id", string(JOB_ID)),
                List.of("job_id"),
                new McpSchema.ToolAnnotations("Cancel a job", false, true, true, false, null));
    }

    static McpSchema.Tool listProfiles() {
        return tool(
                "list_profiles",
                "List execution profiles",
                "Lists the execution profiles that run_task accepts, with their model, turn limit, timeout,"
                        + " permission mode and whether they open pull requests.",
                Map.of(),
                List.of(),
                readOnly("List execution profiles"));
    }

    static McpSchema.Tool prepareWorktree() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("repo_url", string("Repository to check out, as an https:// or git@ URL."));
        properties.put(
                "base_ref", string("Branch the worktree's own branch starts from.", JobRequest.DEFAULT_BASE_REF));
        return tool(
                "prepare_worktree",
                "Prepare a worktree",
                "Checks out a repository into a new git worktree on its own branch, for later run_task calls"
                        + " that pass its worktree_id. The worktree stays until cleanup_worktrees removes it.",
                properties,
                List.of("repo_url"),
                new McpSchema.ToolAnnotations("Prepare a worktree", false, false, false, true, null));
    }

    static McpSchema.Tool getWorktree() {
        return tool(
                "get_worktree",
                "Get a worktree",
                "Returns one worktree record: its status, path, branch and the job using it, and whether its"
                        + " directory exists, with its age in hours, size and whether its branch was pushed.",
                Map.of("worktree_id", string(WORKTREE_ID)),
                List.of("worktree_id"),
                readOnly("Get a worktree"));
    }

    static McpSchema.Tool listWorktrees() {
        return tool(
                "list_worktrees",
                "List worktrees",
                "Lists every worktree on the server's disk, oldest first, with its age in hours, size and"
                        + " whether its branch was pushed.",
                Map.of(),
                List.of(),
                readOnly("List worktrees"));
    }

    static McpSchema.Tool cleanupWorktrees() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("paths", string("Comma-separated paths of worktrees to remove, as list_worktrees shows them."));
        properties.put(
                "max_age_hours",
                integer("Also remove every worktree at least this many hours old; 0 turns this off.", 0, 0));
        return tool(
                "cleanup_worktrees",
                "Remove worktrees",
                "Removes worktrees and their directories, including uncommitted and unpushed work. Give"
                        + " paths, max_age_hours or both.",
                properties,
                List.of(),
                new McpSchema.ToolAnnotations("Remove worktrees", false, true, true, false, null));
    }

    static McpSchema.Tool agentCompletions() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("message", string("The message for the agent."));
        properties.put(
                "uuid",
                string("Your id of this completion, up to 200 letters, digits, '.', '_' and '-'. It must be new;"
                        + " the completion is later found under it."));
        properties.put(
                "wait",
                bool(
                        "Block until the agent replies and return the finished completion. With false the"
                                + " completion is queued and GET /completions/{uuid} returns it later.",
                        true));
        properties.put("stateless", bool("Run without saving the agent's session, so it cannot be resumed.", false));
        properties.put("model", string("Claude model for this run; omit it for the configured one."));
        Map<String, Object> maxTurns = new LinkedHashMap<>();
        maxTurns.put("type", "integer");
        maxTurns.put("description", "Agentic turn limit for this run; omit it for the configured one.");
        maxTurns.put("minimum", 1);
        properties.put("max_turns", maxTurns);
        properties.put("system_prompt", string("Text that replaces the agent's system prompt."));
        Map<String, Object> effort = string("Claude effort level; omit it for the configured one.");
        effort.put("enum", List.of("", "low", "medium", "high"));
        properties.put("effort", effort);
        Map<String, Object> timeout = new LinkedHashMap<>();
        timeout.put("type", "integer");
        timeout.put("description", "Longest run time in seconds; omit it for the configured one.");
        timeout.put("minimum", 1);
        properties.put("timeout", timeout);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("type", List.of("object", "string"));
        meta.put("description", "Your metadata, kept with the completion: a JSON object or JSON text.");
        properties.put("meta", meta);
        return tool(
                "agent_completions",
                "Ask the agent",
                "Sends one message to the server's agent and returns the completion with the agent's reply"
                        + " in completion.result, its session_id, cost and turns. A completion whose agent failed"
                        + " returns success false with the reason in error.",
                properties,
                List.of("message", "uuid"),
                new McpSchema.ToolAnnotations("Ask the agent", false, false, false, true, null));
    }

    private static McpSchema.Tool tool(
            String name,
            String title,
            String description,
            Map<String, Object> properties,
            List<String> required,
            McpSchema.ToolAnnotations annotations) {
        return McpSchema.Tool.builder(name, objectSchema(properties, required))
                .title(title)
                .description(description)
                .annotations(annotations)
                .build();
    }

    private static Map<String, Object> objectSchema(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static McpSchema.ToolAnnotations readOnly(String title) {
        return new McpSchema.ToolAnnotations(title, true, false, true, false, null);
    }

    private static Map<String, Object> string(String description) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", "string");
        property.put("description", description);
        return property;
    }

    private static Map<String, Object> string(String description, String defaultValue) {
        Map<String, Object> property = string(description);
        property.put("default", defaultValue);
        return property;
    }

    private static Map<String, Object> bool(String description, boolean defaultValue) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", "boolean");
        property.put("description", description);
        property.put("default", defaultValue);
        return property;
    }

    private static Map<String, Object> integer(String description, int defaultValue, int minimum) {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", "integer");
        property.put("description", description);
        property.put("default", defaultValue);
        property.put("minimum", minimum);
        return property;
    }
}
