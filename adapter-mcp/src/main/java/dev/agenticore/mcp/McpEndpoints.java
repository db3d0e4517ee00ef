package dev.agenticore.mcp;

import dev.agenticore.core.cluster.SessionRelay;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
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
 * {@value #MESSAGE_PATH}. Streamable HTTP is stateless: the server issues no {@code Mcp-Session-Id}
 * and handles every {@code POST} on its own, so any node of a cluster can take any request and a
 * restart ends nothing that a client keeps. HTTP+SSE keeps a session per event stream; a message
 * posted to another node of a cluster is forwarded to the node that owns the stream. On all three paths one servlet filter checks API keys, {@code Host} and
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

    private final McpStatelessSyncServer streamableServer;
    private final McpSyncServer sseServer;

    private McpEndpoints(McpStatelessSyncServer streamableServer, McpSyncServer sseServer) {
        this.streamableServer = streamableServer;
        this.sseServer = sseServer;
    }

    /**
     * Adds the MCP servlets and their access filter to a servlet context. Call it before the server
     * starts, from Javalin's {@code config.jetty.modifyServletContextHandler}.
     *
     * @return the endpoints, whose {@link #close()} ends open HTTP+SSE sessions; stopping Jetty ends them too
     */
    public static McpEndpoints mount(ServletContextHandler handler, McpTools tools, McpHttpSettings settings) {
        return mount(handler, tools, settings, SessionRelay.NONE);
    }

    /**
     * Adds the MCP servlets and their filters to a servlet context, with HTTP+SSE sessions shared
     * through a relay: a message posted to this node for a stream of another node is sent there.
     *
     * @return the endpoints, whose {@link #close()} ends open HTTP+SSE sessions
     */
    // The SDK deprecates the HTTP+SSE transport in favour of Streamable HTTP; it stays for older clients.
    @SuppressWarnings("deprecation")
    public static McpEndpoints mount(
            ServletContextHandler handler, McpTools tools, McpHttpSettings settings, SessionRelay relay) {
        HttpServletStatelessServerTransport streamable = HttpServletStatelessServerTransport.builder()
                .jsonMapper(McpServers.PROTOCOL_JSON)
                .messageEndpoint(STREAMABLE_PATH)
                .maxRequestSize(SDK_MAX_REQUEST_SIZE)
                .build();
        HttpServletSseServerTransportProvider sse = HttpServletSseServerTransportProvider.builder()
                .jsonMapper(McpServers.PROTOCOL_JSON)
                .sseEndpoint(SSE_PATH)
                .messageEndpoint(MESSAGE_PATH)
                .keepAliveInterval(settings.keepAliveInterval())
                .maxRequestSize(SDK_MAX_REQUEST_SIZE)
                .build();
        McpStatelessSyncServer streamableServer = McpServers.build(streamable, tools);
        SseSessions sseSessions = new SseSessions(relay);
        McpSyncServer sseServer = McpServers.build(new CapturingSseProvider(sse, sseSessions), tools);

        // The stateless servlet runs a tool call on the request's thread; the SSE servlet replies on
        // its stream with no async timeout. Jetty 12.1 closes neither connection when its idle timeout
        // passes without pending I/O, so a run_task call that waits for a job outlasts the connector's
        // idle timeout; LongToolCallIT checks it on both transports.
        addServlets(handler, streamable, sse);
        addFilters(handler, settings, streamable.protocolVersions(), sseSessions);
        log.info(
                "MCP endpoints mounted at {} (Streamable HTTP) and {} with {} (HTTP+SSE)",
                STREAMABLE_PATH,
                SSE_PATH,
                MESSAGE_PATH);
        return new McpEndpoints(streamableServer, sseServer);
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
    private static void addFilters(
            ServletContextHandler handler,
            McpHttpSettings settings,
            List<String> protocolVersions,
            SseSessions sseSessions) {
        FilterHolder access = new FilterHolder(new McpAccessFilter(settings, sseSessions));
        access.setName("mcp-access");
        access.setAsyncSupported(true);
        FilterHolder protocol =
                new FilterHolder(new McpProtocolFilter(settings.maxBodyBytes(), protocolVersions, sseSessions));
        protocol.setName("mcp-protocol");
        protocol.setAsyncSupported(true);
        EnumSet<DispatcherType> dispatches = EnumSet.of(DispatcherType.REQUEST);
        for (FilterHolder filter : List.of(access, protocol)) {
            for (String path : List.of(STREAMABLE_PATH + "/*", SSE_PATH + "/*", MESSAGE_PATH + "/*")) {
                handler.addFilter(filter, path, dispatches);
            }
        }
    }

    /** Ends the open HTTP+SSE sessions and makes Streamable HTTP reply 503 from now on. */
    @Override
    public void close() {
        streamableServer.closeGracefully();
        sseServer.closeGracefully();
    }
}
