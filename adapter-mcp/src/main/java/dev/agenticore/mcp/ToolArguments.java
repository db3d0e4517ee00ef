package dev.agenticore.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.json.Json;
import dev.agenticore.json.RequestReader;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The arguments of one tool call, read strictly: a field that the tool's input schema does not
 * declare, a value of the wrong type or a missing required field raises an {@link
 * InvalidRequestException} that names the field, worded like the REST API's messages.
 */
final class ToolArguments {
    private final ObjectNode node;

    private ToolArguments(ObjectNode node) {
        this.node = node;
    }

    /**
     * Reads the arguments of a call and rejects fields that the tool's schema does not declare.
     *
     * @param arguments the call's arguments as the SDK decoded them; null means none
     */
    static ToolArguments read(McpSchema.Tool tool, Map<String, Object> arguments) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (arguments != null) {
            arguments.forEach((name, value) -> node.set(name, Json.mapper().valueToTree(value)));
        }
        Set<String> accepted = tool.inputSchema().get("properties") instanceof Map<?, ?> properties
                ? properties.keySet().stream().map(String::valueOf).collect(Collectors.toSet())
                : Set.of();
        node.fieldNames().forEachRemaining(name -> {
            if (!accepted.contains(name)) {
                throw new InvalidRequestException(name, unknownFieldMessage(tool.name(), name, accepted));
            }
        });
        return new ToolArguments(node);
    }

    /** Returns the arguments as a JSON object. */
    JsonNode node() {
        return node;
    }

    /** Binds the arguments to a request type with the REST API's strict mapper. */
    <T> T bind(Class<T> type) {
        try {
            return Json.strict().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw RequestReader.translate(e);
        }
    }

    /** Returns a string argument that must be present and not blank. */
    String requiredString(String field) {
        String value = optionalString(field);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(
                    field, "field '" + field + "' is required and must be a non-empty string");
        }
        return value.trim();
    }

    /** Returns a string argument, or null when it is absent or null. */
    String optionalString(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, "field '" + field + "' must be a string, got " + kind(value));
        }
        return value.asText();
    }

    /** Returns an integer argument, or null when it is absent or null. */
    Integer optionalInteger(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw new InvalidRequestException(field, "field '" + field + "' must be an integer, got " + value);
        }
        return value.asInt();
    }

    private static String unknownFieldMessage(String tool, String field, Set<String> accepted) {
        if (accepted.isEmpty()) {
            return "unknown field '" + field + "'; " + tool + " takes no arguments";
        }
        return "unknown field '" + field + "'; accepted fields: " + String.join(", ", new TreeSet<>(accepted));
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
