package dev.agenticore.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.chat.ChatMessage;
import dev.agenticore.core.chat.ChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code POST /v1/chat/completions}. Fields that agent mode does not use, such as
 * {@code temperature}, are ignored, as chat clients send many of them; the fields it uses must
 * have the right type. Message content may be a string or an array of parts, whose {@code text}
 * parts are joined by newlines and whose other parts, such as images, are left out.
 */
public final class ChatRequests {
    private ChatRequests() {}

    /**
     * Reads a request.
     *
     * @param headers the request headers, first value of each
     * @throws InvalidRequestException naming the field when the body is not a JSON object, {@code
     *     messages} is missing or empty, or a used field has the wrong type
     */
    public static ChatRequest read(byte[] body, Map<String, String> headers) {
        JsonNode root = RequestReader.readObject(body);
        JsonNode options = root.path("stream_options");
        JsonNode metadata = root.path("metadata");
        return new ChatRequest(
                messages(root.path("messages")),
                bool(root, "stream"),
                options.isObject() && bool(options, "include_usage"),
                timeout(root.path("timeout")),
                names(root.path("disable_mcp_servers")),
                metadata.isObject() ? text(metadata, "conversation_id", "metadata.conversation_id") : "",
                text(root, "user", "user"),
                headers);
    }

    private static List<ChatMessage> messages(JsonNode messages) {
        if (messages.isMissingNode() || messages.isNull() || (messages.isArray() && messages.isEmpty())) {
            throw new InvalidRequestException("messages", "messages is required: send at least one message");
        }
        if (!messages.isArray()) {
            throw new InvalidRequestException("messages", "messages must be an array of message objects");
        }
        List<ChatMessage> result = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw new InvalidRequestException("messages", "messages[" + i + "] must be an object");
            }
            String role = text(message, "role", "messages[" + i + "].role");
            result.add(new ChatMessage(role.isEmpty() ? "user" : role, content(message.path("content"), i)));
        }
        return result;
    }

    private static String content(JsonNode content, int index) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isMissingNode() || content.isNull()) {
            return "";
        }
        if (!content.isArray()) {
            throw new InvalidRequestException(
                    "messages", "messages[" + index + "].content must be a string or an array of parts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                texts.add(part.path("text").asText());
            }
        }
        return String.join("\n", texts);
    }

    private static Duration timeout(JsonNode timeout) {
        if (timeout.isMissingNode() || timeout.isNull()) {
            return null;
        }
        if (!timeout.canConvertToLong() || !timeout.isIntegralNumber() || timeout.asLong() < 0) {
            throw new InvalidRequestException("timeout", "timeout must be a non-negative integer of seconds");
        }
        return timeout.asLong() == 0 ? null : Duration.ofSeconds(timeout.asLong());
    }

    private static List<String> names(JsonNode names) {
        if (names.isMissingNode() || names.isNull()) {
            return List.of();
        }
        if (!names.isArray()) {
            throw new InvalidRequestException("disable_mcp_servers", "disable_mcp_servers must be an array of names");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode name : names) {
            if (!name.isTextual()) {
                throw new InvalidRequestException(
                        "disable_mcp_servers", "disable_mcp_servers must contain strings only");
            }
            result.add(name.asText());
        }
        return result;
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException(field, field + " must be a boolean (true or false)");
        }
        return value.asBoolean();
    }

    private static String text(JsonNode node, String field, String name) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(name, name + " must be a string");
        }
        return value.asText();
    }
}
