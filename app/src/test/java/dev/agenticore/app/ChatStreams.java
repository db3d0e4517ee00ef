package dev.agenticore.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds requests for {@link OpenAiNodeClient} and reads the chunks it returns. */
final class ChatStreams {
    private ChatStreams() {}

    /** Returns a call spec for the server at {@code baseUrl}. */
    static Map<String, Object> spec(
            String baseUrl, boolean stream, Map<String, String> headers, List<Map<String, String>> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", AgentModeHarness.MODEL_NAME);
        body.put("messages", messages);
        body.put("stream", stream);
        if (stream) {
            body.put("stream_options", Map.of("include_usage", true));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("baseURL", baseUrl);
        spec.put("apiKey", "test-client-key");
        spec.put("body", body);
        spec.put("headers", headers);
        return spec;
    }

    /** Returns one user message. */
    static List<Map<String, String>> user(String text) {
        return List.of(Map.of("role", "user", "content", text));
    }

    /** Returns messages that alternate user and assistant, starting with user. */
    static List<Map<String, String>> conversation(String... texts) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            messages.add(Map.of("role", i % 2 == 0 ? "user" : "assistant", "content", texts[i]));
        }
        return messages;
    }

    /** Returns the concatenated {@code delta.<field>} of every chunk with a choice. */
    static String joined(JsonNode result, String field) {
        StringBuilder text = new StringBuilder();
        for (JsonNode entry : result.path("chunks")) {
            JsonNode choices = entry.path("chunk").path("choices");
            if (choices.size() > 0 && choices.get(0).path("delta").path(field).isTextual()) {
                text.append(choices.get(0).path("delta").path(field).asText());
            }
        }
        return text.toString();
    }

    /** Returns the chunks that carry {@code delta.content}, each with its receive time. */
    static List<JsonNode> contentChunks(JsonNode result) {
        List<JsonNode> chunks = new ArrayList<>();
        for (JsonNode entry : result.path("chunks")) {
            JsonNode choices = entry.path("chunk").path("choices");
            if (choices.size() > 0
                    && choices.get(0).path("delta").path("content").isTextual()) {
                chunks.add(entry);
            }
        }
        return chunks;
    }

    /** Returns the last chunk that has a {@code finish_reason}, or a missing node. */
    static JsonNode finishChoice(JsonNode result) {
        JsonNode found = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        for (JsonNode entry : result.path("chunks")) {
            JsonNode choices = entry.path("chunk").path("choices");
            if (choices.size() > 0 && choices.get(0).path("finish_reason").isTextual()) {
                found = choices.get(0);
            }
        }
        return found;
    }

    /** Returns the usage of the last chunk, which has no choices when usage was requested. */
    static JsonNode lastChunk(JsonNode result) {
        JsonNode chunks = result.path("chunks");
        return chunks.get(chunks.size() - 1).path("chunk");
    }
}
