package dev.agenticore.testkit.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request received by {@link ScriptedAnthropicApi}.
 *
 * @param method HTTP method, for example {@code POST}
 * @param path request path without the query, for example {@code /v1/messages}
 * @param query raw query string without the {@code ?}, or an empty string. Claude Code 2.1.197 sends
 *     {@code beta=true}
 * @param headers request headers with lower-case names
 * @param body parsed JSON body, or a {@code MissingNode} when the body is empty or not JSON
 * @param rawBody body decoded as UTF-8
 * @param mainTurn whether the request is a main-conversation turn as defined in {@link ScriptedAnthropicApi}
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        JsonNode body,
        String rawBody,
        boolean mainTurn) {

    /** Copies the header map so the record stays immutable. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** Returns the first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.stream().findFirst();
    }

    /** Returns the {@code model} field of the body, or an empty string. */
    public String model() {
        return body.path("model").asText("");
    }

    /** Returns whether the body sets {@code "stream": true}. */
    public boolean streaming() {
        return body.path("stream").asBoolean(false);
    }

    /**
     * Returns the {@code messages} array of the body. Claude Code 2.1.197 also puts messages with role
     * {@code system} in this array, so filter by role where it matters.
     */
    public List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        body.path("messages").forEach(messages::add);
        return messages;
    }

    /** Returns the system prompt: a plain string, or the texts of its blocks joined by newlines. */
    public String systemText() {
        JsonNode system = body.path("system");
        if (system.isTextual()) {
            return system.asText();
        }
        List<String> texts = new ArrayList<>();
        system.forEach(block -> texts.add(block.path("text").asText()));
        return String.join("\n", texts);
    }

    /** Returns the names of the tools the request offers, in request order. */
    public List<String> toolNames() {
        List<String> names = new ArrayList<>();
        body.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
        return names;
    }

    /**
     * Returns the texts of all {@code text} blocks, and of plain string contents, in messages with role
     * {@code user}, in conversation order.
     */
    public List<String> userTexts() {
        List<String> texts = new ArrayList<>();
        for (JsonNode block : contentBlocks("user")) {
            if (block.isTextual()) {
                texts.add(block.asText());
            } else if ("text".equals(block.path("type").asText())) {
                texts.add(block.path("text").asText());
            }
        }
        return texts;
    }

    /** Returns the texts of all {@code text} blocks in messages with role {@code assistant}. */
    public List<String> assistantTexts() {
        List<String> texts = new ArrayList<>();
        for (JsonNode block : contentBlocks("assistant")) {
            if ("text".equals(block.path("type").asText())) {
                texts.add(block.path("text").asText());
            }
        }
        return texts;
    }

    /** Returns every {@code tool_result} block in messages with role {@code user}, in conversation order. */
    public List<JsonNode> toolResults() {
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode block : contentBlocks("user")) {
            if ("tool_result".equals(block.path("type").asText())) {
                results.add(block);
            }
        }
        return results;
    }

    /** Returns the content blocks of messages with the given role. A plain string content counts as one block. */
    private List<JsonNode> contentBlocks(String role) {
        List<JsonNode> blocks = new ArrayList<>();
        for (JsonNode message : messages()) {
            if (!role.equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isArray()) {
                content.forEach(blocks::add);
            } else if (content.isTextual()) {
                blocks.add(content);
            }
        }
        return blocks;
    }
}
