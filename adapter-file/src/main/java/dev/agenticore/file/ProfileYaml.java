package dev.agenticore.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agenticore.core.profile.ProfileDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses {@code profile.yml} files into {@link ProfileDefinition}s. Top-level keys are {@code
 * name}, {@code description}, {@code extends}, {@code auto_pr} and {@code claude}. Inside {@code
 * claude}, {@code model}, {@code max_turns}, {@code permission_mode}, {@code effort}, {@code
 * worktree} and {@code timeout} (seconds) fill the definition's fields, and every other key becomes
 * a Claude flag. Thread-safe.
 */
final class ProfileYaml {
    private static final Logger log = LoggerFactory.getLogger(ProfileYaml.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> TOP_LEVEL_KEYS = List.of("name", "description", "extends", "auto_pr", "claude");
    private static final Set<String> CLAUDE_FIELDS =
            Set.of("model", "max_turns", "permission_mode", "effort", "worktree", "timeout");

    private ProfileYaml() {}

    /** Thrown when a profile file is valid YAML but a value has the wrong type. */
    static final class InvalidProfileException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidProfileException(String message) {
            super(message);
        }
    }

    /**
     * Parses a profile file. Unknown top-level keys are logged and ignored.
     *
     * @param file the {@code profile.yml}
     * @param directory the profile's directory, whose name is the default profile name
     * @throws IOException when the file cannot be read or is not YAML
     * @throws InvalidProfileException when a value has the wrong type
     */
    static ProfileDefinition parse(Path file, Path directory) throws IOException, InvalidProfileException {
        JsonNode root = readMapping(file);
        warnAboutUnknownKeys(root, file);

        JsonNode claude = root.path("claude");
        if (!claude.isMissingNode() && !claude.isNull() && !claude.isObject()) {
            throw new InvalidProfileException("claude must be a mapping of settings");
        }

        String name = text(root, "name");
        return new ProfileDefinition(
                name == null ? directory.getFileName().toString() : name,
                text(root, "description"),
                text(root, "extends"),
                bool(root, "auto_pr"),
                text(claude, "model"),
                integer(claude, "max_turns"),
                text(claude, "permission_mode"),
                text(claude, "effort"),
                bool(claude, "worktree"),
                seconds(claude, "timeout"),
                flags(claude),
                directory);
    }

    private static JsonNode readMapping(Path file) throws IOException, InvalidProfileException {
        JsonNode root = YAML.readTree(file.toFile());
        if (root == null || root.isMissingNode() || root.isNull()) {
            return YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new InvalidProfileException("the document must be a mapping of keys to values");
        }
        return root;
    }

    private static void warnAboutUnknownKeys(JsonNode root, Path file) {
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                log.warn("Ignoring unknown key '{}' in {}; expected one of {}", key, file, TOP_LEVEL_KEYS);
            }
        }
    }

    private static Map<String, Object> flags(JsonNode claude) throws InvalidProfileException {
        Map<String, Object> flags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : claude.properties()) {
            if (!CLAUDE_FIELDS.contains(field.getKey())) {
                flags.put(field.getKey(), flagValue("claude." + field.getKey(), field.getValue(), true));
            }
        }
        return flags;
    }

    /** Converts a flag value to a string, number, boolean, list of those, or null. */
    private static Object flagValue(String key, JsonNode node, boolean listAllowed) throws InvalidProfileException {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isFloatingPointNumber()) {
            return node.doubleValue();
        }
        if (node.isArray() && listAllowed) {
            List<Object> values = new ArrayList<>();
            for (JsonNode element : node) {
                values.add(flagValue(key, element, false));
            }
            return values;
        }
        throw new InvalidProfileException(key + " must be a string, number, boolean or list of those");
    }

    private static String text(JsonNode parent, String key) throws InvalidProfileException {
        JsonNode node = present(parent, key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(parent, key, "a string");
        }
        return node.textValue();
    }

    private static Boolean bool(JsonNode parent, String key) throws InvalidProfileException {
        JsonNode node = present(parent, key);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(parent, key, "true or false");
        }
        return node.booleanValue();
    }

    private static Integer integer(JsonNode parent, String key) throws InvalidProfileException {
        JsonNode node = present(parent, key);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(parent, key, "a whole number");
        }
        return node.intValue();
    }

    private static Long seconds(JsonNode parent, String key) throws InvalidProfileException {
        JsonNode node = present(parent, key);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(parent, key, "a whole number of seconds");
        }
        return node.longValue();
    }

    /** Returns the value of a key, or null when the key is missing or set to null. */
    private static JsonNode present(JsonNode parent, String key) {
        JsonNode node = parent.path(key);
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    private static InvalidProfileException wrongType(JsonNode parent, String key, String expected) {
        String path = CLAUDE_FIELDS.contains(key) ? "claude." + key : key;
        return new InvalidProfileException(path + " must be " + expected + ", got: " + parent.get(key));
    }
}
