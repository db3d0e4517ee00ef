package dev.agenticore.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.chat.Completion;
import dev.agenticore.core.chat.CompletionRequest;
import dev.agenticore.core.chat.CompletionStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of the completions API, shared by {@code POST /completions} and the {@code
 * agent_completions} tool: requests, completion records and response envelopes.
 */
public final class CompletionBodies {
    private CompletionBodies() {}

    /**
     * Reads a request from a JSON object. Unknown fields are ignored. {@code meta} may be a JSON
     * object or JSON text.
     *
     * @throws InvalidRequestException naming the field when {@code message} or {@code uuid} is
     *     missing or a field has the wrong type
     */
    public static CompletionRequest request(JsonNode body) {
        if (!body.path("message").isTextual()) {
            throw new InvalidRequestException("message", "message is required and must be a string");
        }
        if (!body.path("uuid").isTextual()) {
            throw new InvalidRequestException("uuid", "uuid is required and must be a string");
        }
        return new CompletionRequest(
                body.path("message").asText(),
                body.path("uuid").asText(),
                bool(body, "wait", true),
                bool(body, "stateless", false),
                text(body, "model"),
                integer(body, "max_turns"),
                text(body, "system_prompt"),
                text(body, "effort"),
                integer(body, "timeout"),
                meta(body.path("meta")));
    }

    /**
     * Returns the response to a submission: for a queued completion {@code {"success": true,
     * "status": "queued", "uuid", "poll_url"}}, else {@link #envelope(Completion)}.
     */
    public static Map<String, Object> submitted(Completion completion) {
        if (completion.status() != CompletionStatus.QUEUED) {
            return envelope(completion);
        }
        Map<String, Object> body = ResponseBodies.success();
        body.put("status", completion.status().wireName());
        body.put("uuid", completion.uuid());
        body.put("poll_url", "/completions/" + completion.uuid());
        return body;
    }

    /**
     * Returns {@code {"success": <not failed>, "completion": {...}}}, with the completion's error as
     * {@code error} when it failed.
     */
    public static Map<String, Object> envelope(Completion completion) {
        boolean failed = completion.status() == CompletionStatus.FAILED;
        Map<String, Object> body = failed ? ResponseBodies.error(completion.error()) : ResponseBodies.success();
        body.put("completion", completion(completion));
        return body;
    }

    /** Returns {@code {"success": true, "completion": {...}}}, the response to a lookup by uuid. */
    public static Map<String, Object> found(Completion completion) {
        Map<String, Object> body = ResponseBodies.success();
        body.put("completion", completion(completion));
        return body;
    }

    /** Returns {@code {"success": true, "count": n, "completions": [...]}}. */
    public static Map<String, Object> list(List<Completion> completions) {
        Map<String, Object> body = ResponseBodies.success();
        body.put("count", completions.size());
        body.put(
                "completions",
                completions.stream().map(CompletionBodies::completion).toList());
        return body;
    }

    /** Returns the wire form of a completion record; {@code meta} as JSON when it is valid JSON. */
    public static Map<String, Object> completion(Completion completion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uuid", completion.uuid());
        body.put("status", completion.status().wireName());
        body.put("message", completion.message());
        body.put("result", completion.result());
        body.put("session_id", completion.sessionId());
        body.put("cost_usd", completion.costUsd());
        body.put("duration_ms", completion.durationMs());
        body.put("num_turns", completion.numTurns());
        body.put("is_error", completion.isError());
        body.put("error", completion.error().isEmpty() ? null : completion.error());
        body.put("meta", metaJson(completion.meta()));
        body.put("created_at", completion.createdAt());
        body.put("started_at", completion.startedAt());
        body.put("ended_at", completion.endedAt());
        body.put("pod_name", completion.podName());
        return body;
    }

    /**
     * Reads a completion record in its wire form.
     *
     * @throws IllegalArgumentException when a required field is missing or a value is invalid
     */
    public static Completion fromJson(JsonNode node) {
        JsonNode meta = node.path("meta");
        return new Completion(
                node.path("uuid").asText(),
                CompletionStatus.fromWireName(node.path("status").asText()),
                node.path("message").asText(""),
                meta.isTextual() ? meta.asText() : meta.isMissingNode() || meta.isNull() ? "" : meta.toString(),
                node.path("result").asText(""),
                node.path("session_id").asText(""),
                node.path("cost_usd").isNumber() ? node.path("cost_usd").doubleValue() : null,
                node.path("duration_ms").isNumber() ? node.path("duration_ms").longValue() : null,
                node.path("num_turns").isNumber() ? node.path("num_turns").intValue() : null,
                node.path("is_error").asBoolean(false),
                node.path("error").isTextual() ? node.path("error").asText() : "",
                WireTimestamps.parse(node.path("created_at").asText()),
                instant(node.path("started_at")),
                instant(node.path("ended_at")),
                node.path("pod_name").asText(""));
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? WireTimestamps.parse(value.asText()) : null;
    }

    private static Object metaJson(String meta) {
        try {
            return Json.mapper().readTree(meta);
        } catch (JsonProcessingException e) {
            return meta;
        }
    }

    private static String meta(JsonNode meta) {
        if (meta.isMissingNode() || meta.isNull()) {
            return "";
        }
        if (meta.isTextual()) {
            return meta.asText();
        }
        if (!meta.isObject()) {
            throw new InvalidRequestException("meta", "meta must be a JSON object or JSON text");
        }
        return meta.toString();
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(field, field + " must be a boolean (true or false)");
        }
        return value.asBoolean();
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidRequestException(field, field + " must be an integer");
        }
        return value.intValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, field + " must be a string");
        }
        return value.asText();
    }
}
