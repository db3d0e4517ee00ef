package dev.agenticore.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP endpoints on the REST API's Jetty: Streamable HTTP at {@value #STREAMABLE_PATH}, and the
 * legacy HTTP+SSE transport with its event stream at {@value #SSE_PATH} and messages posted to
 * {@value #MESSAGE_PATH}. On all three paths one servlet filter checks API keys, {@code Host} and
 * {@code Origin}, and a second one checks the body size and the JSON-RPC message and turns every
 * error into a JSON-RPC error object. Mount it from Javalin's configuration:
 *
 * <pre>{@code
 * RestServer.builder(settings).customize(config -> config.jetty.modifyServletContextHandler(
 *         handler -> McpEndpoints.mount(handler, tools, McpHttpSettings.defaults(authentication::admits))))
 * }</pre>
 */
public final class McpEndpoints implements AutoCloseable {
    /** Path of the Streamable HTTP endpoint. */
    public static final String STREAMABLE_PATH = "/mcp";
    /** Path of the HTTP+SSE event stream. */
    public static final String SSE_PATH = "/sse";
    /** Path that HTTP+SSE clients post their messages to. */
    public static final String MESSAGE_PATH = "/messages";

    private static final Logger log = LoggerFactory.getLogger(McpEndpoints.class);
    /**
     * The SDK's own body limit, lifted so that only one limit applies: {@link McpProtocolFilter}
     * reads every body first and rejects one over {@link McpHttpSettings#maxBodyBytes()} with 413.
     */
    private static final int SDK_MAX_REQUEST_SIZE = Integer.MAX_VALUE;

    private final List<McpSyncServer> servers;

    private McpEndpoints(List<McpSyncServer> servers) {
        this.servers = servers;
    }

    /**
     * Adds the MCP servlets and their access filter to a servlet context. Call it before the server
     * starts, from Javalin's {@code config.jetty.modifyServletContextHandler}.
     *
     * @return the endpoints, whose {@link #close()} ends open MCP sessions; stopping Jetty ends them too
     */
    // The SDK deprecates the HTTP+SSE transport in favour of Streamable HTTP; it stays for older clients.
    @SuppressWarnings("deprecation")
    public static McpEndpoints mount(ServletContextHandler handler, McpTools tools, McpHttpSettings settings) {
        HttpServletStreamableServerTransportProvider streamable = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpServers.PROTOCOL_JSON)
                .mcpEndpoint(STREAMABLE_PATH)
                .keepAliveInterval(settings.keepAliveInterval())
                .maxRequestSize(SDK_MAX_REQUEST_SIZE)
                .build();
        HttpServletSseServerTransportProvider sse = HttpServletSseServerTransportProvider.builder()
                .jsonMapper(McpServers.PROTOCOL_JSON)
                .sseEndpoint(SSE_PATH)
                .messageEndpoint(MESSAGE_PATH)
                .keepAliveInterval(settings.keepAliveInterval())
                .maxRequestSize(SDK_MAX_REQUEST_SIZE)
                .build();
        List<McpSyncServer> servers = List.of(McpServers.build(streamable, tools), McpServers.build(sse, tools));

        // Both servlets respond asynchronously with no async timeout. Jetty 12.1 does not close such a
        // connection when its idle timeout passes without pending I/O, so a run_task call that waits
        // for a job outlasts the connector's idle timeout; LongToolCallIT checks it on both transports.
        addServlets(handler, streamable, sse);
        addFilters(handler, settings);
        log.info(
                "MCP endpoints mounted at {} (Streamable HTTP) and {} with {} (HTTP+SSE)",
                STREAMABLE_PATH,
                SSE_PATH,
                MESSAGE_PATH);
        return new McpEndpoints(servers);
    }

    private static void addServlets(ServletContextHandler handler, HttpServlet streamable, HttpServlet sse) {
        ServletHolder streamableHolder = new ServletHolder("mcp-streamable-http", streamable);
        streamableHolder.setAsyncSupported(true);
        handler.addServlet(streamableHolder, STREAMABLE_PATH);
        ServletHolder sseHolder = new ServletHolder("mcp-sse", sse);
        sseHolder.setAsyncSupported(true);
        handler.addServlet(sseHolder, SSE_PATH);
        handler.addServlet(sseHolder, MESSAGE_PATH);
    }

    /** Adds the access filter, then the protocol filter; Jetty runs them in the order they were added. */
    private static void addFilters(ServletContextHandler handler, McpHttpSettings settings) {
        FilterHolder access = new FilterHolder(new McpAccessFilter(settings));
        access.setName("mcp-access");
        access.setAsyncSupported(true);
        FilterHolder protocol = new FilterHolder(new McpProtocolFilter(settings.maxBodyBytes()));
        protocol.setName("mcp-protocol");
        protocol.setAsyncSupported(true);
        EnumSet<DispatcherType> dispatches = EnumSet.of(DispatcherType.REQUEST);
        for (FilterHolder filter : List.of(access, protocol)) {
            for (String path : List.of(STREAMABLE_PATH + "/*", SSE_PATH + "/*", MESSAGE_PATH + "/*")) {
                handler.addFilter(filter, path, dispatches);
            }
        }
    }

    /** Ends open MCP sessions of both transports. */
    @Override
    public void close() {
        servers.forEach(McpSyncServer::closeGracefully);
    }
}
