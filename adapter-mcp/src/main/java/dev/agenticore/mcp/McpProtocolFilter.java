package dev.agenticore.mcp;

import dev.agenticore.core.StorageException;
import dev.agenticore.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the errors of the MCP endpoints as short JSON-RPC error objects, after {@link
 * McpAccessFilter} has let the request through. It rejects the requests that the MCP SDK 2.2.0
 * handles badly (a body over the size limit, invalid UTF-8 or JSON, a wrong method, missing headers)
 * before the SDK receives them. It also replaces the error responses that the SDK still sends,
 * which the SDK writes as a serialized exception with its stack trace or as Jetty's HTML error page.
 */
final class McpProtocolFilter extends HttpFilter {
    /** Maximum number of bytes of an oversized body read and discarded before the 413 response: 32 MiB. */
    private static final long DISCARD_LIMIT_BYTES = 32L * 1024 * 1024;
    /**
     * JSON-RPC code for an unknown or ended MCP session, from the range that JSON-RPC 2.0 leaves to
     * servers (-32000 to -32099).
     */
    static final int SESSION_NOT_FOUND = -32001;

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(McpProtocolFilter.class);
    /** The HTTP methods that each MCP path serves, besides {@code OPTIONS}. */
    private static final Map<String, List<String>> ALLOWED_METHODS = Map.of(
            McpEndpoints.STREAMABLE_PATH, List.of("POST"),
            McpEndpoints.SSE_PATH, List.of("GET"),
            McpEndpoints.MESSAGE_PATH, List.of("POST"));

    /** Reason that {@code GET} and {@code DELETE} do not apply to the stateless Streamable HTTP endpoint. */
    private static final String STATELESS =
            "this server keeps no MCP sessions, so there is no event stream to open or session to end;"
                    + " POST each JSON-RPC message to " + McpEndpoints.STREAMABLE_PATH;

    private final long maxBodyBytes;
    private final List<String> protocolVersions;
    private final transient SseSessions sseSessions;

    /**
     * @param maxBodyBytes largest accepted request body
     * @param protocolVersions the MCP protocol versions that Streamable HTTP accepts in the {@code
     *     MCP-Protocol-Version} header
     * @param sseSessions the HTTP+SSE sessions, to forward a message for a session of another node
     */
    McpProtocolFilter(long maxBodyBytes, List<String> protocolVersions, SseSessions sseSessions) {
        this.maxBodyBytes = maxBodyBytes;
        this.protocolVersions = List.copyOf(protocolVersions);
        this.sseSessions = sseSessions;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<String> allowed = ALLOWED_METHODS.get(path);
        if (allowed == null) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        if (method.equals("OPTIONS")) {
            response.setHeader("Allow", String.join(", ", allowed) + ", OPTIONS");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!allowed.contains(method)) {
            response.setHeader("Allow", String.join(", ", allowed) + ", OPTIONS");
            String message = method + " is not allowed on " + path + "; use " + alternatives(allowed);
            if (path.equals(McpEndpoints.STREAMABLE_PATH) && (method.equals("GET") || method.equals("DELETE"))) {
                message = method + " is not allowed on " + path + ": " + STATELESS;
            }
            send(
                    response,
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    null,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    message);
            return;
        }
        try {
            if (method.equals("POST")) {
                handlePost(request, response, chain, path);
            } else {
                forward(request, response, chain, path, null);
            }
        } catch (RejectedRequestException e) {
            log.debug("Rejected {} {} with {}: {}", method, path, e.status, e.getMessage());
            if (e.status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                // Clients that write their whole body before reading see the response only after the
                // body was read, so a bounded rest of it is discarded. The connection still closes.
                discardRest(request);
                response.setHeader("Connection", "close");
            }
            send(response, e.status, e.id, e.code, e.getMessage());
        }
    }

    private void handlePost(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
            throws IOException, ServletException {
        byte[] body = readBody(request);
        JsonRpcMessages.Message message;
        try {
            message = JsonRpcMessages.check(decodeUtf8(body));
        } catch (JsonRpcMessages.InvalidMessageException e) {
            throw new RejectedRequestException(HttpServletResponse.SC_BAD_REQUEST, e.id(), e.code(), e.getMessage());
        }
        if (path.equals(McpEndpoints.STREAMABLE_PATH)) {
            checkStreamablePost(request, message);
        } else {
            String sessionId = McpAccessFilter.queryParameter(request.getQueryString(), "sessionId");
            if (sessionId == null) {
                throw new RejectedRequestException(
                        HttpServletResponse.SC_BAD_REQUEST,
                        message.id(),
                        McpSchema.ErrorCodes.INVALID_REQUEST,
                        "missing sessionId query parameter: open the SSE stream at " + McpEndpoints.SSE_PATH
                                + " and post to the endpoint URL its first event names");
            }
            if (dispatched(sessionId, body, message)) {
                response.setStatus(HttpServletResponse.SC_ACCEPTED);
                return;
            }
        }
        forward(new CachedBodyRequest(request, body), response, chain, path, message);
    }

    /**
     * Hands a message for an SSE session to its stream's SDK session, here or on the node that owns
     * the stream, which carries the reply. The request thread does not wait for the reply. Returns
     * false when no node has the session, and the SDK then replies 404.
     */
    private boolean dispatched(String sessionId, byte[] body, JsonRpcMessages.Message message) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (sseSessions.contains(sessionId)) {
            return sseSessions.deliver(sessionId, text);
        }
        try {
            return sseSessions.forward(sessionId, text);
        } catch (StorageException e) {
            log.warn("Forwarding a message for MCP session {} failed: {}", sessionId, e.getMessage());
            throw new RejectedRequestException(
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    message.id(),
                    McpSchema.ErrorCodes.INTERNAL_ERROR,
                    "the message could not reach the server that owns MCP session " + sessionId
                            + " because the cluster store is unreachable; retry later");
        }
    }

    private void forward(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String path,
            JsonRpcMessages.Message message)
            throws IOException, ServletException {
        ErrorCapturingResponse capturing = new ErrorCapturingResponse(response);
        chain.doFilter(request, capturing);
        int status = capturing.errorStatus();
        if (status == 0) {
            return;
        }
        if (request.isAsyncStarted()) {
            // NOTE: the SDK 2.2.0 sets no error status after it starts a stream; this branch only logs.
            log.warn("MCP servlet set status {} on {} {} after starting a stream", status, request.getMethod(), path);
            return;
        }
        Object id = message == null ? null : message.id();
        String sdkMessage = sdkMessage(capturing.capturedBody());
        if (status >= 500 && message != null && message.isResponse()) {
            // The SDK fails with 500 when a client sends a response to a request it never made.
            log.debug("Rejected a response to an unknown request on {}: {}", path, sdkMessage);
            send(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    id,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "no server request with id " + id + " is waiting for a response in this session");
            return;
        }
        if (status >= 500) {
            log.warn("MCP servlet failed on {} {} with {}: {}", request.getMethod(), path, status, sdkMessage);
        } else {
            log.debug("MCP servlet responded to {} {} with {}: {}", request.getMethod(), path, status, sdkMessage);
        }
        String reported = jsonRpcErrorMessage(capturing.capturedBody());
        String described =
                status == HttpServletResponse.SC_BAD_REQUEST && !reported.isEmpty() ? reported : describe(status, path);
        send(response, status, id, errorCode(status), described);
    }

    private void checkStreamablePost(HttpServletRequest request, JsonRpcMessages.Message message) {
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("application/json") || !accept.contains("text/event-stream")) {
            throw new RejectedRequestException(
                    HttpServletResponse.SC_BAD_REQUEST,
                    message.id(),
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "the Accept header must list both application/json and text/event-stream");
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            throw new RejectedRequestException(
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    message.id(),
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "the Content-Type header must be application/json, got "
                            + (contentType == null ? "none" : "'" + contentType + "'"));
        }
        String version = request.getHeader("MCP-Protocol-Version");
        if (version != null && !protocolVersions.contains(version.strip())) {
            throw new RejectedRequestException(
                    HttpServletResponse.SC_BAD_REQUEST,
                    message.id(),
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "unsupported MCP protocol version in the MCP-Protocol-Version header; supported versions: "
                            + String.join(", ", protocolVersions));
        }
        if (message.isResponse()) {
            throw new RejectedRequestException(
                    HttpServletResponse.SC_BAD_REQUEST,
                    message.id(),
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "no server request with id " + message.id() + " is waiting for a response: this server"
                            + " sends no requests to clients on " + McpEndpoints.STREAMABLE_PATH);
        }
    }

    /** Reads the body, at most {@link #maxBodyBytes} of it. */
    private static void discardRest(HttpServletRequest request) {
        byte[] buffer = new byte[8192];
        long discarded = 0;
        try {
            InputStream in = request.getInputStream();
            int read;
            while (discarded < DISCARD_LIMIT_BYTES && (read = in.read(buffer)) >= 0) {
                discarded += read;
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Stopped discarding an oversized body: {}", e.getMessage());
        }
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (body.size() + (long) read > maxBodyBytes) {
                    throw tooLarge();
                }
                body.write(buffer, 0, read);
            }
        } catch (IOException e) {
            log.debug("Reading an MCP request body failed after {} bytes: {}", body.size(), e.toString());
            throw new RejectedRequestException(
                    HttpServletResponse.SC_REQUEST_TIMEOUT,
                    null,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "the request body ended after " + body.size() + " bytes, before the declared Content-Length of "
                            + declared + " arrived; send a Content-Length that matches the body");
        }
        return body.toByteArray();
    }

    private RejectedRequestException tooLarge() {
        return new RejectedRequestException(
                HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                null,
                McpSchema.ErrorCodes.INVALID_REQUEST,
                "the request body is larger than " + maxBodyBytes + " bytes");
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedRequestException(
                    HttpServletResponse.SC_BAD_REQUEST,
                    null,
                    McpSchema.ErrorCodes.PARSE_ERROR,
                    "the request body is not valid UTF-8; send JSON encoded as UTF-8");
        }
    }

    /** Returns the message of the SDK's serialized error, or the start of its body when it has none. */
    private static String sdkMessage(String body) {
        String message = jsonRpcErrorMessage(body);
        if (!message.isEmpty()) {
            return message;
        }
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    /** Returns the message of the SDK's serialized error, or empty when the body contains none. */
    private static String jsonRpcErrorMessage(String body) {
        try {
            return Json.mapper().readTree(body).at("/jsonRpcError/message").asText("");
        } catch (IOException e) {
            // Not JSON, such as a body left empty by sendError.
            return "";
        }
    }

    private static int errorCode(int status) {
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            return SESSION_NOT_FOUND;
        }
        return status >= 500 ? McpSchema.ErrorCodes.INTERNAL_ERROR : McpSchema.ErrorCodes.INVALID_REQUEST;
    }

    /** Describes an error status that the MCP servlet set, for the client. */
    private static String describe(int status, String path) {
        return switch (status) {
            case HttpServletResponse.SC_NOT_FOUND ->
                path.equals(McpEndpoints.MESSAGE_PATH)
                        ? "MCP session not found: its SSE stream has closed, or the server that wrote it stopped;"
                                + " open a new one at " + McpEndpoints.SSE_PATH
                        : "not found: " + path;
            case HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE -> "the Content-Type header must be application/json";
            case HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE -> "the request body is too large";
            case HttpServletResponse.SC_SERVICE_UNAVAILABLE -> "the MCP server is shutting down; retry later";
            default ->
                status >= 500
                        ? "internal error while handling the MCP request; the server log has the details"
                        : "invalid MCP request (HTTP status " + status + ")";
        };
    }

    private static void send(HttpServletResponse response, int status, Object id, int code, String message)
            throws IOException {
        byte[] body = JsonRpcMessages.errorBody(id, code, message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException e) {
            // The servlet took the writer before it set the error status.
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Returns {@code "GET"}, {@code "GET or POST"} or {@code "GET, POST or DELETE"}. */
    private static String alternatives(List<String> methods) {
        int last = methods.size() - 1;
        if (last == 0) {
            return methods.get(0);
        }
        return String.join(", ", methods.subList(0, last)) + " or " + methods.get(last);
    }

    /** A request rejected before it reaches the MCP servlet. */
    private static final class RejectedRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final transient Object id;
        private final int code;

        RejectedRequestException(int status, Object id, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.id = id;
            this.code = code;
        }
    }
}
