package dev.agenticore.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentUsage;
import java.io.IOException;

/**
 * Writes agent events as flat JSON objects with a {@code type} field and snake_case fields, and
 * reads them back.
 */
final class AgentEventCodec {
    private AgentEventCodec() {}

    static final class Serializer extends JsonSerializer<AgentEvent> {
        @Override
        public void serialize(AgentEvent event, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField("type", event.type());
            writeFields(event, out, provider);
            out.writeEndObject();
        }

        private static void writeFields(AgentEvent event, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            if (event instanceof AgentEvent.SessionStarted e) {
                out.writeStringField("session_id", e.sessionId());
                out.writeStringField("model", e.model());
            } else if (event instanceof AgentEvent.TextDelta e) {
                out.writeStringField("text", e.text());
            } else if (event instanceof AgentEvent.ThinkingDelta e) {
                out.writeStringField("text", e.text());
            } else if (event instanceof AgentEvent.AssistantText e) {
                out.writeStringField("text", e.text());
            } else if (event instanceof AgentEvent.ToolCall e) {
                out.writeStringField("id", e.id());
                out.writeStringField("name", e.name());
                out.writeStringField("input", e.inputJson());
            } else if (event instanceof AgentEvent.ToolResult e) {
                out.writeStringField("tool_use_id", e.toolUseId());
                out.writeStringField("content", e.content());
                out.writeBooleanField("is_error", e.isError());
            } else if (event instanceof AgentEvent.Result e) {
                writeResult(e, out, provider);
            } else if (event instanceof AgentEvent.Output e) {
                out.writeStringField("line", e.line());
            }
        }

        private static void writeResult(AgentEvent.Result e, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            out.writeStringField("text", e.text());
            out.writeBooleanField("is_error", e.isError());
            out.writeStringField("session_id", e.sessionId());
            provider.defaultSerializeField("num_turns", e.numTurns(), out);
            provider.defaultSerializeField("duration_ms", e.durationMs(), out);
            provider.defaultSerializeField("cost_usd", e.costUsd(), out);
            AgentUsage usage = e.usage() == null ? AgentUsage.NONE : e.usage();
            out.writeObjectFieldStart("usage");
            out.writeNumberField("input_tokens", usage.inputTokens());
            out.writeNumberField("output_tokens", usage.outputTokens());
            out.writeNumberField("cache_read_input_tokens", usage.cacheReadInputTokens());
            out.writeNumberField("cache_creation_input_tokens", usage.cacheCreationInputTokens());
            out.writeEndObject();
        }
    }

    static final class Deserializer extends JsonDeserializer<AgentEvent> {
        @Override
        public AgentEvent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            String type = node.path("type").asText();
            return switch (type) {
                case "session_started" -> new AgentEvent.SessionStarted(text(node, "session_id"), text(node, "model"));
                case "text_delta" -> new AgentEvent.TextDelta(text(node, "text"));
                case "thinking_delta" -> new AgentEvent.ThinkingDelta(text(node, "text"));
                case "text" -> new AgentEvent.AssistantText(text(node, "text"));
                case "tool_call" -> new AgentEvent.ToolCall(text(node, "id"), text(node, "name"), text(node, "input"));
                case "tool_result" ->
                    new AgentEvent.ToolResult(
                            text(node, "tool_use_id"),
                            text(node, "content"),
                            node.path("is_error").asBoolean());
                case "result" -> readResult(node);
                case "output" -> new AgentEvent.Output(text(node, "line"));
                default -> (AgentEvent) context.handleWeirdStringValue(AgentEvent.class, type, "unknown event type");
            };
        }

        private static AgentEvent.Result readResult(JsonNode node) {
            JsonNode usage = node.path("usage");
            return new AgentEvent.Result(
                    text(node, "text"),
                    node.path("is_error").asBoolean(),
                    text(node, "session_id"),
                    node.hasNonNull("num_turns") ? node.get("num_turns").asInt() : null,
                    node.hasNonNull("duration_ms") ? node.get("duration_ms").asLong() : null,
                    node.hasNonNull("cost_usd") ? node.get("cost_usd").asDouble() : null,
                    new AgentUsage(
                            usage.path("input_tokens").asLong(),
                            usage.path("output_tokens").asLong(),
                            usage.path("cache_read_input_tokens").asLong(),
                            usage.path("cache_creation_input_tokens").asLong()));
        }

        private static String text(JsonNode node, String field) {
            return node.path(field).asText("");
        }
    }
}
