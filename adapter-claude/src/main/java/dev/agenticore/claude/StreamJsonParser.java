package dev.agenticore.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentUsage;
import dev.agenticore.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns lines of Claude Code's {@code --output-format stream-json --verbose} output into {@link
 * AgentEvent}s. Shapes follow Claude Code 2.1.197. Keeps state between lines, so use one instance
 * per run from one thread.
 *
 * <p>Thinking arrives twice when the profile adds {@code --include-partial-messages}: as {@code
 * thinking_delta} stream events and again inside the complete assistant message. Once a {@code
 * thinking_delta} has been seen, thinking blocks of assistant messages are skipped. Text is not
 * deduplicated, because {@link AgentEvent.TextDelta} and {@link AgentEvent.AssistantText} are
 * different events.
 */
final class StreamJsonParser {
    private static final Logger log = LoggerFactory.getLogger(StreamJsonParser.class);

    private boolean thinkingStreamed;

    /**
     * Parses one line without throwing: a line that is not a JSON object becomes {@link
     * AgentEvent.Output}, and a JSON line of an unknown type yields no event.
     *
     * @return the events of the line, possibly none
     */
    List<AgentEvent> parse(String line) {
        if (line.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            return List.of(new AgentEvent.Output(line));
        }
        if (root == null || !root.isObject()) {
            return List.of(new AgentEvent.Output(line));
        }
        try {
            return events(root);
        } catch (RuntimeException e) {
            log.warn(
                    "Ignored a stream-json line of type {} that could not be read",
                    root.path("type").asText(),
                    e);
            return List.of();
        }
    }

    private List<AgentEvent> events(JsonNode root) {
        switch (root.path("type").asText()) {
            case "system":
                return "init".equals(root.path("subtype").asText())
                        ? List.of(new AgentEvent.SessionStarted(text(root, "session_id"), text(root, "model")))
                        : List.of();
            case "assistant":
                return assistantEvents(root.path("message").path("content"));
            case "user":
                return toolResults(root.path("message").path("content"));
            case "stream_event":
                return streamEvents(root.path("event"));
            case "result":
                return List.of(result(root));
            default:
                return List.of();
        }
    }

    private List<AgentEvent> assistantEvents(JsonNode content) {
        List<AgentEvent> events = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                case "text" -> events.add(new AgentEvent.AssistantText(text(block, "text")));
                case "thinking" -> {
                    if (!thinkingStreamed) {
                        events.add(new AgentEvent.ThinkingDelta(text(block, "thinking")));
                    }
                }
                case "tool_use" ->
                    events.add(new AgentEvent.ToolCall(
                            text(block, "id"), text(block, "name"), inputJson(block.path("input"))));
                default -> {}
            }
        }
        return events;
    }

    private static List<AgentEvent> toolResults(JsonNode content) {
        List<AgentEvent> events = new ArrayList<>();
        for (JsonNode block : content) {
            if ("tool_result".equals(block.path("type").asText())) {
                events.add(new AgentEvent.ToolResult(
                        text(block, "tool_use_id"),
                        toolResultText(block.path("content")),
                        block.path("is_error").asBoolean(false)));
            }
        }
        return events;
    }

    private List<AgentEvent> streamEvents(JsonNode event) {
        if (!"content_block_delta".equals(event.path("type").asText())) {
            return List.of();
        }
        JsonNode delta = event.path("delta");
        switch (delta.path("type").asText()) {
            case "text_delta":
                return List.of(new AgentEvent.TextDelta(text(delta, "text")));
            case "thinking_delta":
                thinkingStreamed = true;
                return List.of(new AgentEvent.ThinkingDelta(text(delta, "thinking")));
            default:
                return List.of();
        }
    }

    /**
     * Reads a result line. An error result carries no {@code result} text but an {@code errors}
     * list, such as {@code ["Reached maximum number of turns (1)"]}, whose items become the text.
     */
    private static AgentEvent.Result result(JsonNode root) {
        String text = root.path("result").isTextual() ? root.path("result").asText() : joinText(root.path("errors"));
        String subtype = text(root, "subtype");
        boolean isError = root.path("is_error").asBoolean(false) || (!subtype.isEmpty() && !"success".equals(subtype));
        return new AgentEvent.Result(
                text,
                isError,
                text(root, "session_id"),
                root.path("num_turns").canConvertToInt()
                        ? root.path("num_turns").intValue()
                        : null,
                root.path("duration_ms").isNumber() ? root.path("duration_ms").longValue() : null,
                root.path("total_cost_usd").isNumber()
                        ? root.path("total_cost_usd").doubleValue()
                        : null,
                usage(root.path("usage")));
    }

    private static AgentUsage usage(JsonNode usage) {
        return new AgentUsage(
                usage.path("input_tokens").asLong(0),
                usage.path("output_tokens").asLong(0),
                usage.path("cache_read_input_tokens").asLong(0),
                usage.path("cache_creation_input_tokens").asLong(0));
    }

    /** Returns a tool result's content: a string as is, a list as its text items joined by newlines. */
    private static String toolResultText(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            return StreamSupport.stream(content.spliterator(), false)
                    .filter(item -> "text".equals(item.path("type").asText()))
                    .map(item -> text(item, "text"))
                    .collect(Collectors.joining("\n"));
        }
        return content.isMissingNode() || content.isNull() ? "" : content.toString();
    }

    private static String joinText(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.isTextual() ? item.asText() : item.toString())
                .collect(Collectors.joining("\n"));
    }

    private static String inputJson(JsonNode input) {
        return input.isMissingNode() || input.isNull() ? "{}" : input.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
