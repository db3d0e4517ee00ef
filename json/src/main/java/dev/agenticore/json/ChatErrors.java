package dev.agenticore.json;

import java.util.LinkedHashMap;
import java.util.Map;

/** Error bodies in OpenAI's shape: {@code {"error": {"message", "type", "param", "code"}}}. */
public final class ChatErrors {
    private ChatErrors() {}

    /**
     * Returns an error body.
     *
     * @param type OpenAI's error type, such as {@code invalid_request_error} or {@code server_error}
     * @param param the request field at fault, or null
     * @param code a machine-readable code, or null
     */
    public static Map<String, Object> body(String message, String type, String param, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        return body;
    }
}
