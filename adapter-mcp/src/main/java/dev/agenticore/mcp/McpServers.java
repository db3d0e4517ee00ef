package dev.agenticore.mcp;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;

/**
 * Builds MCP servers with Agenticore's identity and tools, one per transport: a stateless server for
 * Streamable HTTP and a server with sessions for HTTP+SSE and stdio. The JSON mapper and
 * schema validator are set here rather than found through {@code ServiceLoader}, so a shaded jar
 * without merged service files still starts.
 */
final class McpServers {
    /**
     * The protocol mapper: Jackson 2 as the SDK's own default, writing every non-ASCII character as a
     * JSON escape. A lone UTF-16 surrogate in a tool argument then stays valid JSON on the way back,
     * where the transports' UTF-8 writers would otherwise emit invalid bytes.
     */
    static final McpJsonMapper PROTOCOL_JSON = new JacksonMcpJsonMapper(
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build());

    private static final String SERVER_NAME = "agenticore";
    private static final String INSTRUCTIONS = "Agenticore runs coding tasks with Claude Code and opens pull"
            + " requests. Start a task with run_task, then poll get_job until job.status is succeeded,"
            + " failed, cancelled or expired. list_profiles shows the execution profiles that run_task"
            + " accepts. prepare_worktree checks out a repository ahead of time for run_task's worktree_id.";
    private static final String COMPLETIONS_INSTRUCTIONS = " agent_completions sends a message straight to the"
            + " agent and returns its reply; with wait=false, poll GET /completions/{uuid} on the REST API.";

    private McpServers() {}

    /**
     * Builds a server that keeps no state between requests, so that any node of a cluster can
     * handle any request. Tool calls run on the thread that received the request, not on a Reactor pool.
     */
    static McpStatelessSyncServer build(McpStatelessServerTransport transport, McpTools tools) {
        return McpServer.sync(transport)
                .serverInfo(SERVER_NAME, version())
                .instructions(instructions(tools))
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(PROTOCOL_JSON)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator())
                .validateToolInputs(false)
                .immediateExecution(true)
                .tools(tools.statelessSpecifications())
                .build();
    }

    /** Builds a server over a transport with a session per connection, such as SSE or stdio. */
    static McpSyncServer build(McpServerTransportProvider transport, McpTools tools) {
        return configure(McpServer.sync(transport), tools).build();
    }

    private static McpServer.SyncSpecification<?> configure(McpServer.SyncSpecification<?> spec, McpTools tools) {
        // The SDK's request timeout bounds only requests that the server sends to the client, such as
        // pings, so a tool call may run as long as the job service lets it.
        // NOTE: the SDK runs sync tool calls on Reactor's bounded elastic scheduler (10 threads per
        // core by default), so more concurrent run_task calls with wait=true than that queue up.
        // The tools read their own arguments and name the offending field in the REST error envelope,
        // which the SDK's schema validation would replace with a protocol error.
        return spec.serverInfo(SERVER_NAME, version())
                .instructions(instructions(tools))
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(PROTOCOL_JSON)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator())
                .validateToolInputs(false)
                .tools(tools.specifications());
    }

    private static String instructions(McpTools tools) {
        return tools.hasCompletions() ? INSTRUCTIONS + COMPLETIONS_INSTRUCTIONS : INSTRUCTIONS;
    }

    private static String version() {
        String version = McpServers.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
