package dev.agenticore.mcp;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.cluster.SessionRelay;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The HTTP+SSE sessions of this node, whose event streams were opened with a valid API key. A
 * message posted to {@link McpEndpoints#MESSAGE_PATH} for such a session needs no key of its own,
 * because the {@code endpoint} event names a URL without one; the session id is a random UUID that
 * only the stream's reader learns. A session is removed when its stream ends.
 *
 * <p>Each session is announced on a {@link SessionRelay}, so that in a cluster a message posted to
 * another node reaches this one, which hands it to the SDK session that writes the stream.
 */
final class SseSessions {
    private static final Logger log = LoggerFactory.getLogger(SseSessions.class);
    /**
     * The SDK session created last on this thread. The SDK creates the session and writes the
     * {@code endpoint} event on the thread of the stream's request, so the event's session id and
     * this session belong together.
     */
    private static final ThreadLocal<Stream> CREATED = new ThreadLocal<>();
    /**
     * Maximum time a request of a session waits for the session's initialization. The SDK keeps a
     * request that arrives before {@code notifications/initialized} until that notification comes,
     * which for a client that never sends it would be forever.
     */
    static final Duration INITIALIZATION_WAIT = Duration.ofSeconds(10);

    /** The SDK session and transport of one event stream, and whether the client finished initializing. */
    private record Stream(McpServerSession session, McpServerTransport transport, AtomicBoolean initialized) {}

    private static final Pattern SESSION_ID = Pattern.compile("sessionId=([^&\\s]+)");
    /** Characters of the stream searched for the endpoint event, which the SDK writes first. */
    private static final int SEARCH_LIMIT = 1024;

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Map<String, Stream> sessions = new ConcurrentHashMap<>();
    private final SessionRelay relay;

    SseSessions(SessionRelay relay) {
        this.relay = relay;
        relay.receive(this::deliver);
    }

    /** Returns whether the id belongs to an open stream of this node that was opened with a valid key. */
    boolean contains(String sessionId) {
        return sessionId != null && ids.contains(sessionId);
    }

    /**
     * Returns whether the id belongs to an open stream of this node or of another node of the
     * cluster, each opened with a valid key.
     *
     * @throws StorageException when the cluster's store cannot be reached
     */
    boolean isOpenAnywhere(String sessionId) {
        return contains(sessionId) || (sessionId != null && relay.isOwnedElsewhere(sessionId));
    }

    /**
     * Sends a message for a session of another node to that node.
     *
     * @return whether a node that owns the session took the message
     * @throws StorageException when the cluster's store cannot be reached
     */
    boolean forward(String sessionId, String message) {
        return relay.forward(sessionId, message);
    }

    /** Wraps the SDK's session factory so that each new session can be matched to its stream. */
    McpServerSession.Factory capturing(McpServerSession.Factory factory) {
        return transport -> {
            McpServerSession session = factory.create(transport);
            CREATED.set(new Stream(session, transport, new AtomicBoolean()));
            return session;
        };
    }

    /**
     * Hands a message to the SDK session of one of this node's streams, without waiting for it to be
     * handled: the reply goes out on the stream. A request that arrives before the client finished
     * initializing gets an error on the stream after {@link #INITIALIZATION_WAIT}.
     *
     * @return false when this node has no open stream for the session
     */
    boolean deliver(String sessionId, String message) {
        Stream stream = sessions.get(sessionId);
        if (stream == null) {
            log.info("Dropped a message for MCP session {}, whose stream has closed", sessionId);
            return false;
        }
        McpSchema.JSONRPCMessage parsed;
        try {
            parsed = McpSchema.deserializeJsonRpcMessage(McpServers.PROTOCOL_JSON, message);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Dropped a message for MCP session {} that is not JSON-RPC: {}", sessionId, e.toString());
            return true;
        }
        if (parsed instanceof McpSchema.JSONRPCNotification notification
                && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(notification.method())) {
            stream.initialized().set(true);
        }
        Mono<Void> handling = stream.session()
                .handle(parsed)
                .contextWrite(context -> context.put(McpTransportContext.KEY, McpTransportContext.EMPTY));
        if (parsed instanceof McpSchema.JSONRPCRequest request
                && !McpSchema.METHOD_INITIALIZE.equals(request.method())
                && !stream.initialized().get()) {
            handling =
                    handling.timeout(INITIALIZATION_WAIT, Mono.defer(() -> notInitialized(sessionId, stream, request)));
        }
        handling.subscribe(null, error -> log.warn("Handling a message of MCP session {} failed", sessionId, error));
        return true;
    }

    private static Mono<Void> notInitialized(String sessionId, Stream stream, McpSchema.JSONRPCRequest request) {
        log.info(
                "MCP session {}: request {} ({}) waited {} s for the client to finish initializing",
                sessionId,
                request.id(),
                request.method(),
                INITIALIZATION_WAIT.toSeconds());
        McpSchema.JSONRPCResponse.JSONRPCError error = new McpSchema.JSONRPCResponse.JSONRPCError(
                McpSchema.ErrorCodes.INVALID_REQUEST,
                "the session is not initialized: send initialize, then the notifications/initialized"
                        + " notification, before other requests");
        return stream.transport()
                .sendMessage(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), null, error));
    }

    /**
     * Returns a response that records the session id from the stream's {@code endpoint} event. It
     * records the id while the SDK writes the event, before the client can read it.
     */
    HttpServletResponse recording(HttpServletResponse response) {
        return new RecordingResponse(response);
    }

    /**
     * Removes the recorded id once the stream ends. Call it after the servlet returned; an id whose
     * stream never started or already ended is removed at once.
     */
    void forgetWhenClosed(HttpServletRequest request, HttpServletResponse recording) {
        CREATED.remove();
        String id = ((RecordingResponse) recording).sessionId();
        if (id == null) {
            return;
        }
        if (!request.isAsyncStarted()) {
            forget(id);
            return;
        }
        try {
            request.getAsyncContext().addListener(new Forget(id));
        } catch (IllegalStateException e) {
            // The stream completed between the check and the call.
            forget(id);
        }
    }

    private void remember(String id) {
        ids.add(id);
        Stream session = CREATED.get();
        CREATED.remove();
        if (session == null) {
            log.warn("No SDK session was created for MCP stream {}, so only this node serves it", id);
            return;
        }
        sessions.put(id, session);
        relay.claim(id);
    }

    private void forget(String id) {
        ids.remove(id);
        if (sessions.remove(id) != null) {
            relay.release(id);
        }
    }

    private final class RecordingResponse extends HttpServletResponseWrapper {
        private final StringBuilder head = new StringBuilder();
        private volatile String sessionId;
        private PrintWriter writer;

        RecordingResponse(HttpServletResponse response) {
            super(response);
        }

        String sessionId() {
            return sessionId;
        }

        @Override
        public synchronized PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new Recorder(super.getWriter()));
            }
            return writer;
        }

        /** Passes every character on, and searches the first ones for the session id. */
        private final class Recorder extends Writer {
            private final PrintWriter target;

            Recorder(PrintWriter target) {
                this.target = target;
            }

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                if (sessionId == null && head.length() < SEARCH_LIMIT) {
                    head.append(chars, offset, Math.min(length, SEARCH_LIMIT - head.length()));
                    // The SDK ends the endpoint event with a blank line.
                    int end = head.indexOf("\n\n");
                    Matcher matcher = SESSION_ID.matcher(end < 0 ? "" : head.substring(0, end));
                    if (matcher.find()) {
                        sessionId = matcher.group(1);
                        remember(sessionId);
                    }
                }
                target.write(chars, offset, length);
            }

            /**
             * Flushes, and reports a failed write as an exception: the servlet container's writer only
             * keeps an error flag, which the SDK reads through the outer writer to notice a client that
             * went away.
             */
            @Override
            public void flush() throws IOException {
                if (target.checkError()) {
                    throw new IOException("writing the SSE stream failed; the client has likely disconnected");
                }
            }

            @Override
            public void close() throws IOException {
                target.close();
            }
        }
    }

    private final class Forget implements AsyncListener {
        private final String id;

        Forget(String id) {
            this.id = id;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            forget(id);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            forget(id);
        }

        @Override
        public void onError(AsyncEvent event) {
            forget(id);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // The stream goes on; the id stays.
        }
    }
}
