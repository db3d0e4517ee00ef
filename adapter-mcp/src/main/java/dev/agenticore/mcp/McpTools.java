package dev.agenticore.mcp;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.chat.CompletionService;
import dev.agenticore.core.job.JobService;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.workspace.WorktreeService;
import dev.agenticore.json.CompletionBodies;
import dev.agenticore.json.JobRequestBody;
import dev.agenticore.json.ResponseBodies;
import dev.agenticore.json.WorktreeBodies;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Agenticore's nine MCP tools over the core services: {@code run_task}, {@code get_job}, {@code
 * list_jobs}, {@code cancel_job}, {@code list_profiles}, {@code prepare_worktree}, {@code
 * get_worktree}, {@code list_worktrees} and {@code cleanup_worktrees}, and in agent mode {@code
 * agent_completions}. Each returns exactly the body of the matching REST response. Thread-safe; one
 * instance serves every transport.
 */
public final class McpTools {
    private final JobService jobs;
    private final WorktreeService worktrees;
    private final CompletionService completions;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    private record Definition(McpSchema.Tool tool, Function<ToolArguments, Map<String, Object>> handler) {}

    /** Creates the tools over the services that also back the REST API, without agent mode. */
    public McpTools(JobService jobs, WorktreeService worktrees, ProfileCatalog profiles) {
        this(jobs, worktrees, profiles, null);
    }

    /**
     * Creates the tools over the services that also back the REST API.
     *
     * @param completions the completion service of agent mode, which adds {@code agent_completions};
     *     null when agent mode is off
     */
    public McpTools(
            JobService jobs, WorktreeService worktrees, ProfileCatalog profiles, CompletionService completions) {
        this.completions = completions;
        this.jobs = Objects.requireNonNull(jobs, "jobs must not be null");
        this.worktrees = Objects.requireNonNull(worktrees, "worktrees must not be null");
        Objects.requireNonNull(profiles, "profiles must not be null");
        define(ToolSchemas.runTask(), this::runTask);
        define(ToolSchemas.getJob(), args -> ResponseBodies.job(jobs.get(args.requiredString("job_id"))));
        define(ToolSchemas.listJobs(), this::listJobs);
        define(ToolSchemas.cancelJob(), args -> ResponseBodies.job(jobs.cancel(args.requiredString("job_id"))));
        define(ToolSchemas.listProfiles(), args -> ResponseBodies.profiles(profiles.list()));
        define(ToolSchemas.prepareWorktree(), this::prepareWorktree);
        define(ToolSchemas.getWorktree(), this::getWorktree);
        define(ToolSchemas.listWorktrees(), args -> WorktreeBodies.listings(worktrees.list()));
        define(ToolSchemas.cleanupWorktrees(), this::cleanupWorktrees);
        if (completions != null) {
            define(ToolSchemas.agentCompletions(), this::agentCompletions);
        }
    }

    /** Returns whether the {@code agent_completions} tool is offered. */
    public boolean hasCompletions() {
        return completions != null;
    }

    /** Returns the tool definitions, in the order {@code tools/list} shows them. */
    public List<McpSchema.Tool> tools() {
        return definitions.values().stream().map(Definition::tool).toList();
    }

    /** Returns the tools as SDK specifications, for registering on an MCP server. */
    public List<SyncToolSpecification> specifications() {
        return definitions.values().stream()
                .map(definition -> SyncToolSpecification.builder()
                        .tool(definition.tool())
                        .callHandler((exchange, request) -> call(request.name(), request.arguments()))
                        .build())
                .toList();
    }

    /** Returns the tools as SDK specifications for a stateless MCP server. */
    public List<McpStatelessServerFeatures.SyncToolSpecification> statelessSpecifications() {
        return definitions.values().stream()
                .map(definition -> McpStatelessServerFeatures.SyncToolSpecification.builder()
                        .tool(definition.tool())
                        .callHandler((context, request) -> call(request.name(), request.arguments()))
                        .build())
                .toList();
    }

    /**
     * Calls a tool. Invalid arguments, unknown ids and every runtime exception of the services
     * become a result with {@code isError: true} instead of an exception.
     *
     * @param name the tool's name
     * @param arguments the call's arguments; null means none
     */
    public McpSchema.CallToolResult call(String name, Map<String, Object> arguments) {
        Definition definition = definitions.get(name);
        if (definition == null) {
            return ToolResults.failure(
                    String.valueOf(name),
                    new InvalidRequestException(
                            "name",
                            "unknown tool '" + name + "'; available tools: "
                                    + String.join(", ", definitions.keySet())));
        }
        try {
            return ToolResults.of(definition.handler().apply(ToolArguments.read(definition.tool(), arguments)));
        } catch (RuntimeException e) {
            return ToolResults.failure(name, e);
        }
    }

    private void define(McpSchema.Tool tool, Function<ToolArguments, Map<String, Object>> handler) {
        definitions.put(tool.name(), new Definition(tool, handler));
    }

    private Map<String, Object> runTask(ToolArguments args) {
        JobRequestBody body = args.bind(JobRequestBody.class);
        return ResponseBodies.job(jobs.submit(body.toRequest()));
    }

    private Map<String, Object> agentCompletions(ToolArguments args) {
        try {
            return CompletionBodies.submitted(completions.submit(CompletionBodies.request(args.node())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the completion", e);
        }
    }

    private Map<String, Object> listJobs(ToolArguments args) {
        return ResponseBodies.jobs(jobs.list(args.optionalString("status"), args.optionalInteger("limit")));
    }

    private Map<String, Object> prepareWorktree(ToolArguments args) {
        WorktreeBodies.PrepareRequest request = WorktreeBodies.prepareRequest(args.node());
        Map<String, Object> body = ResponseBodies.success();
        body.put("worktree", WorktreeBodies.worktree(worktrees.prepare(request.repoUrl(), request.baseRef())));
        return body;
    }

    private Map<String, Object> getWorktree(ToolArguments args) {
        Map<String, Object> body = ResponseBodies.success();
        body.put("worktree", WorktreeBodies.details(worktrees.describe(args.requiredString("worktree_id"))));
        return body;
    }

    private Map<String, Object> cleanupWorktrees(ToolArguments args) {
        WorktreeBodies.CleanupRequest request = WorktreeBodies.cleanupRequest(args.node());
        return WorktreeBodies.removals(worktrees.cleanup(request.paths(), request.maxAgeHours()));
    }
}
