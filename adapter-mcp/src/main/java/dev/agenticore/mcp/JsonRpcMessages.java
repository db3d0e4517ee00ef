package dev.agenticore.mcp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks one JSON-RPC message before the MCP SDK receives it, on every transport. The SDK 2.2.0
 * responds to an unparseable HTTP body with a serialized exception, stops reading stdin after a bad line, and
 * sends no reply to a {@code tools/call} whose params are not an object, so such messages get a
 * JSON-RPC error from here instead.
 */
final class JsonRpcMessages {
    /**
     * Request methods that the SDK 2.2.0 cannot handle without params: it fails with a {@code
     * NullPointerException} or sends no reply.
     */
    private static final Set<String> METHODS_WITH_REQUIRED_PARAMS =
            Set.of(McpSchema.METHOD_INITIALIZE, McpSchema.METHOD_TOOLS_CALL, McpSchema.METHOD_LOGGING_SET_LEVEL);

    private JsonRpcMessages() {}

    /** A message that passed the check; {@code id} is null for notifications. */
    record Message(Object id, String method) {
        boolean isRequest() {
            return method != null && id != null;
        }

        boolean isResponse() {
            return method == null;
        }
    }

    /**
     * Parses and checks one message.
     *
     * @throws InvalidMessageException with {@link McpSchema.ErrorCodes#PARSE_ERROR} when the text is
     *     not JSON, and with another JSON-RPC code when it is JSON but not a message that the SDK can
     *     handle
     */
    static Message check(String text) {
        JsonNode node = parse(text);
        if (node.isArray()) {
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    null,
                    "JSON-RPC batches are not supported; send one message per request or line");
        }
        if (!node.isObject()) {
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.INVALID_REQUEST, null, "a JSON-RPC message must be a JSON object");
        }
        Object id = id(node);
        if (!"2.0".equals(node.path("jsonrpc").textValue())) {
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.INVALID_REQUEST, id, "field 'jsonrpc' is missing or not \"2.0\"");
        }
        JsonNode method = node.get("method");
        if (method != null && !method.isTextual()) {
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.INVALID_REQUEST, id, "field 'method' must be a string");
        }
        if (method == null && !node.has("result") && !node.has("error")) {
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    id,
                    "a JSON-RPC message needs a 'method', or a 'result' or 'error' with an 'id'");
        }
        if (method != null) {
            checkParams(node, id, method.textValue());
        }
        try {
            McpSchema.deserializeJsonRpcMessage(McpServers.PROTOCOL_JSON, text);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.INVALID_REQUEST, id, "not a valid JSON-RPC 2.0 message for MCP");
        }
        return new Message(id, method == null ? null : method.textValue());
    }

    /** Returns the body of a JSON-RPC error response. */
    static String errorBody(Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        return Json.write(body);
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.PARSE_ERROR, null, "the message is empty; send one JSON-RPC message");
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending input, so only its position is passed on.
            JsonLocation location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.PARSE_ERROR, null, "the message is not valid JSON" + where);
        }
    }

    /** Returns the message id as a string or number, or null when it has none or an invalid one. */
    private static Object id(JsonNode node) {
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isTextual()) {
            return id.textValue();
        }
        if (id.isIntegralNumber()) {
            return id.numberValue();
        }
        throw new InvalidMessageException(
                McpSchema.ErrorCodes.INVALID_REQUEST, null, "field 'id' must be a string or an integer");
    }

    private static void checkParams(JsonNode node, Object id, String method) {
        JsonNode params = node.get("params");
        if (params == null || params.isNull()) {
            if (id != null && METHODS_WITH_REQUIRED_PARAMS.contains(method)) {
                throw new InvalidMessageException(
                        McpSchema.ErrorCodes.INVALID_PARAMS, id, method + " requires 'params' as a JSON object");
            }
            return;
        }
        if (!params.isObject()) {
            throw new InvalidMessageException(
                    McpSchema.ErrorCodes.INVALID_PARAMS, id, "field 'params' must be a JSON object");
        }
        if (McpSchema.METHOD_TOOLS_CALL.equals(method)) {
            if (!params.path("name").isTextual()) {
                throw new InvalidMessageException(
                        McpSchema.ErrorCodes.INVALID_PARAMS, id, "tools/call requires 'params.name' as a string");
            }
            JsonNode arguments = params.get("arguments");
            if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                throw new InvalidMessageException(
                        McpSchema.ErrorCodes.INVALID_PARAMS, id, "field 'params.arguments' must be a JSON object");
            }
        }
    }

    /** A message that cannot be passed to the SDK, with the JSON-RPC error to send back. */
    static final class InvalidMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int code;
        private final transient Object id;

        InvalidMessageException(int code, Object id, String message) {
            super(message, null, false, false);
            this.code = code;
            this.id = id;
        }

        int code() {
            return code;
        }

        /** Returns the id of the rejected message, or null when it has none or it could not be read. */
        Object id() {
            return id;
        }

        /** Returns the body of the JSON-RPC error response for this message. */
        String errorBody() {
            return JsonRpcMessages.errorBody(id, code, getMessage());
        }
    }
}
