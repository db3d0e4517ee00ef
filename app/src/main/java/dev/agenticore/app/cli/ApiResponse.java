package dev.agenticore.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One response of the server.
 *
 * @param method HTTP method of the request
 * @param path request path, with its query
 * @param status HTTP status code
 * @param text the body as received
 * @param body the body parsed as JSON, or null when it is not JSON
 * @param requestId the {@code X-Request-Id} the client sent
 * @param retryAfter the {@code Retry-After} header, or empty
 */
public record ApiResponse(
        String method,
        String path,
        int status,
        String text,
        JsonNode body,
        String requestId,
        Optional<String> retryAfter) {

    /** Returns true for a 2xx status with a JSON body. */
    public boolean succeeded() {
        return status / 100 == 2 && body != null;
    }

    /**
     * Returns the JSON body of a successful response.
     *
     * @throws CliException when the status is not 2xx or the body is not JSON
     */
    public JsonNode requireSuccess() {
        if (!succeeded()) {
            throw failure("");
        }
        return body;
    }

    /** Returns the failure of this response, with {@code hint} (may be empty) telling the user what to do. */
    public CliException failure(String hint) {
        StringBuilder message = new StringBuilder(describe());
        String fix = hint.isEmpty() ? defaultHint() : hint;
        if (!fix.isEmpty()) {
            message.append("; ").append(fix);
        }
        message.append(" (request id ").append(requestId).append(')');
        return CliException.failure(message.toString());
    }

    /** Returns the server's error message, or a cut-down copy of a body that carries none. */
    public String serverError() {
        if (body != null && body.hasNonNull("error")) {
            return body.get("error").asText();
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "empty response";
        }
        return TextFormat.truncate(trimmed, 200);
    }

    private String describe() {
        if (status / 100 == 2) {
            return method + " " + path + " returned a response that is not JSON: " + serverError();
        }
        return method + " " + path + " failed with HTTP " + status + ": " + serverError();
    }

    private String defaultHint() {
        return switch (status) {
            case 401 -> "set AGENTICORE_API_KEY or pass --api-key with a key from the server's AGENTICORE_API_KEYS";
            case 503 -> retryAfter.map(seconds -> "retry in " + seconds + " s").orElse("retry later");
            default -> status / 100 == 2 ? "check that AGENTICORE_URL points at an Agenticore server" : "";
        };
    }
}
