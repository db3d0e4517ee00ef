package dev.agenticore.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.agenticore.core.InvalidRequestException;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads client request bodies strictly and turns every parse or type error into an {@link
 * InvalidRequestException} that names the field and what was expected.
 */
public final class RequestReader {
    private static final int MAX_NESTING = 200;

    private RequestReader() {}

    /**
     * Reads a JSON object into a request type.
     *
     * @throws InvalidRequestException when the body is empty, not a JSON object, has unknown fields
     *     or values of the wrong type
     */
    public static <T> T read(byte[] body, Class<T> type) {
        JsonNode node = readObject(body);
        try {
            return Json.strict().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", "invalid request: " + e.getMessage());
        }
    }

    /**
     * Parses a body that must be a JSON object.
     *
     * @throws InvalidRequestException when the body is empty, malformed or not an object
     */
    public static JsonNode readObject(byte[] body) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidRequestException("body", "the request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = Json.strict().readTree(body);
        } catch (StreamConstraintsException e) {
            throw new InvalidRequestException(
                    "body", "the request body exceeds a JSON size limit: " + e.getOriginalMessage());
        } catch (StreamReadException e) {
            throw new InvalidRequestException(
                    "body", "the request body is not valid JSON: " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            throw new InvalidRequestException("body", "the request body cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("body", "the request body must be a JSON object, not " + kind(node));
        }
        return node;
    }

    /** Converts a Jackson error while binding a request into a message that names the field. */
    public static InvalidRequestException translate(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidRequestException(
                    unknown.getPropertyName(),
                    "unknown field '" + unknown.getPropertyName() + "'; accepted fields: "
                            + names(unknown.getKnownPropertyIds()));
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            Throwable cause = instantiation.getCause();
            if (cause instanceof InvalidRequestException invalid) {
                return invalid;
            }
            return new InvalidRequestException("body", "invalid request: " + cause.getMessage());
        }
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "body";
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new InvalidRequestException(
                    field, "field '" + field + "' must be " + describe(mismatch.getTargetType()));
        }
        return new InvalidRequestException(field, "field '" + field + "' is invalid: " + plain(e.getOriginalMessage()));
    }

    /** Keeps the first line of a parser message and drops its source excerpt and feature names. */
    private static String plain(String message) {
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        int source = firstLine.indexOf(" at [Source");
        String trimmed = source >= 0 ? firstLine.substring(0, source) : firstLine;
        return trimmed.replaceAll("\\s*\\((?:StreamReadFeature|JsonReadFeature|DeserializationFeature)[^)]*\\)", "")
                .replaceAll("`[A-Za-z.]+\\.get[A-Za-z]+\\(\\)`", "the limit");
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path.replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON "
                + (type.isRecord() || java.util.Map.class.isAssignableFrom(type)
                        ? "object"
                        : type.getSimpleName().toLowerCase(Locale.ROOT));
    }

    private static String names(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String location(StreamReadException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT).replace("pojo", "object");
    }
}
