package dev.agenticore.testkit.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Renders a message {@link Reply} as the JSON message object of a non-streaming response or as the list of
 * server-sent events of a streaming one, in the shapes of the Anthropic Messages API.
 */
final class MessageRenderer {

    /** Characters per token used to estimate token counts when the reply fixes none. */
    static final int CHARACTERS_PER_TOKEN = 4;

    /** Maximum characters in one {@code text_delta}, {@code thinking_delta} or {@code input_json_delta}. */
    private static final int CHUNK_LENGTH = 24;

    /** Placeholder thinking signature, base64 like the real one. The CLI stores it but does not verify it. */
    private static final String SIGNATURE = "c2NyaXB0ZWQtdGhpbmtpbmctc2lnbmF0dXJl";

    private final ObjectMapper mapper;

    MessageRenderer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One server-sent event: the {@code event:} name and the {@code data:} JSON. */
    record Event(String type, ObjectNode data) {}

    /** Builds the complete message object returned when the request does not ask for a stream. */
    ObjectNode message(Reply reply, String model, int requestChars) {
        ObjectNode message = messageShell(model);
        ArrayNode content = message.putArray("content");
        for (ContentBlock block : reply.blocks()) {
            content.add(completeBlock(block));
        }
        message.put("stop_reason", reply.stopReason());
        message.set("usage", usage(inputTokens(reply, requestChars), outputTokens(reply)));
        return message;
    }

    /** Builds the event sequence from {@code message_start} to {@code message_stop}. */
    List<Event> events(Reply reply, String model, int requestChars) {
        List<Event> events = new ArrayList<>();
        ObjectNode start = messageShell(model);
        start.putArray("content");
        start.putNull("stop_reason");
        start.set("usage", usage(inputTokens(reply, requestChars), 1));
        ObjectNode messageStart = event("message_start");
        messageStart.set("message", start);
        events.add(new Event("message_start", messageStart));

        List<ContentBlock> blocks = reply.blocks();
        for (int index = 0; index < blocks.size(); index++) {
            addBlockEvents(events, index, blocks.get(index));
        }

        ObjectNode delta = mapper.createObjectNode().put("stop_reason", reply.stopReason());
        delta.putNull("stop_sequence");
        ObjectNode messageDelta = event("message_delta");
        messageDelta.set("delta", delta);
        messageDelta.set("usage", mapper.createObjectNode().put("output_tokens", outputTokens(reply)));
        events.add(new Event("message_delta", messageDelta));
        events.add(new Event("message_stop", event("message_stop")));
        return events;
    }

    private void addBlockEvents(List<Event> events, int index, ContentBlock block) {
        ObjectNode start = event("content_block_start").put("index", index);
        start.set("content_block", emptyBlock(block));
        events.add(new Event("content_block_start", start));

        for (ObjectNode delta : deltas(block)) {
            ObjectNode event = event("content_block_delta").put("index", index);
            event.set("delta", delta);
            events.add(new Event("content_block_delta", event));
        }
        events.add(new Event("content_block_stop", event("content_block_stop").put("index", index)));
    }

    private List<ObjectNode> deltas(ContentBlock block) {
        List<ObjectNode> deltas = new ArrayList<>();
        if (block instanceof ContentBlock.Text text) {
            for (String chunk : chunks(text.text())) {
                deltas.add(mapper.createObjectNode().put("type", "text_delta").put("text", chunk));
            }
        } else if (block instanceof ContentBlock.Thinking thinking) {
            for (String chunk : chunks(thinking.thinking())) {
                deltas.add(
                        mapper.createObjectNode().put("type", "thinking_delta").put("thinking", chunk));
            }
            deltas.add(mapper.createObjectNode().put("type", "signature_delta").put("signature", SIGNATURE));
        } else if (block instanceof ContentBlock.ToolUse toolUse) {
            String json = mapper.valueToTree(toolUse.input()).toString();
            for (String chunk : chunks(json)) {
                deltas.add(mapper.createObjectNode()
                        .put("type", "input_json_delta")
                        .put("partial_json", chunk));
            }
        }
        return deltas;
    }

    private ObjectNode emptyBlock(ContentBlock block) {
        if (block instanceof ContentBlock.Text) {
            return mapper.createObjectNode().put("type", "text").put("text", "");
        }
        if (block instanceof ContentBlock.Thinking) {
            return mapper.createObjectNode().put("type", "thinking").put("thinking", "");
        }
        ContentBlock.ToolUse toolUse = (ContentBlock.ToolUse) block;
        ObjectNode node = toolUseHeader(toolUse);
        node.putObject("input");
        return node;
    }

    private ObjectNode completeBlock(ContentBlock block) {
        if (block instanceof ContentBlock.Text text) {
            return mapper.createObjectNode().put("type", "text").put("text", text.text());
        }
        if (block instanceof ContentBlock.Thinking thinking) {
            return mapper.createObjectNode()
                    .put("type", "thinking")
                    .put("thinking", thinking.thinking())
                    .put("signature", SIGNATURE);
        }
        ContentBlock.ToolUse toolUse = (ContentBlock.ToolUse) block;
        ObjectNode node = toolUseHeader(toolUse);
        node.set("input", mapper.valueToTree(toolUse.input()));
        return node;
    }

    private ObjectNode toolUseHeader(ContentBlock.ToolUse toolUse) {
        return mapper.createObjectNode()
                .put("type", "tool_use")
                .put("id", newId("toolu_"))
                .put("name", toolUse.name());
    }

    private ObjectNode messageShell(String model) {
        ObjectNode message = mapper.createObjectNode()
                .put("id", newId("msg_"))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", model);
        message.putNull("stop_sequence");
        return message;
    }

    private ObjectNode usage(int inputTokens, int outputTokens) {
        return mapper.createObjectNode()
                .put("input_tokens", inputTokens)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0)
                .put("output_tokens", outputTokens);
    }

    private ObjectNode event(String type) {
        return mapper.createObjectNode().put("type", type);
    }

    private static int inputTokens(Reply reply, int requestChars) {
        return reply.fixedInputTokens().orElse(estimateTokens(requestChars));
    }

    private static int outputTokens(Reply reply) {
        int chars = reply.blocks().stream().mapToInt(ContentBlock::length).sum();
        return reply.fixedOutputTokens().orElse(estimateTokens(chars));
    }

    /** Estimates a token count from a character count, at least one token. */
    static int estimateTokens(int chars) {
        return Math.max(1, chars / CHARACTERS_PER_TOKEN);
    }

    /** Splits text into chunks of at most {@link #CHUNK_LENGTH} characters without splitting a surrogate pair. */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + CHUNK_LENGTH, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }
}
