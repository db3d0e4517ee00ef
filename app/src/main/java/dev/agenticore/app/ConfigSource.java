package dev.agenticore.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads settings with the precedence environment variable, then YAML file, then default. An
 * environment variable set to the empty string counts as unset. Every typed getter rejects an
 * invalid value with a {@link ConfigException} that names where the value came from.
 */
final class ConfigSource {
    private final Map<String, String> environment;
    private final JsonNode yaml;
    private final String yamlName;

    private ConfigSource(Map<String, String> environment, JsonNode yaml, String yamlName) {
        this.environment = environment;
        this.yaml = yaml;
        this.yamlName = yamlName;
    }

    /**
     * Creates a source over an environment and an optional YAML file.
     *
     * @param yamlFile the file, or null; a file that does not exist is skipped unless {@code required}
     * @throws ConfigException when the file cannot be read or is not a YAML mapping
     */
    static ConfigSource load(Map<String, String> environment, Path yamlFile, boolean required) {
        if (yamlFile == null || (!required && !Files.exists(yamlFile))) {
            return new ConfigSource(environment, null, "");
        }
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yamlFile.toFile());
            if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
                throw new ConfigException("configuration file " + yamlFile + " must hold a YAML mapping");
            }
            return new ConfigSource(environment, node != null && node.isObject() ? node : null, yamlFile.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + yamlFile + ": " + e.getMessage(), e);
        }
    }

    String string(String variable, String yamlPath, String fallback) {
        String value = raw(variable, yamlPath);
        return value == null ? fallback : value.trim();
    }

    int integer(String variable, String yamlPath, int fallback, int min, int max) {
        String value = raw(variable, yamlPath);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(origin(variable, yamlPath) + " must be an integer from " + min + " to " + max
                    + ", got '" + value + "'");
        }
    }

    boolean bool(String variable, String yamlPath, boolean fallback) {
        String value = raw(variable, yamlPath);
        if (value == null) {
            return fallback;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                throw new ConfigException(origin(variable, yamlPath) + " must be true or false, got '" + value + "'");
        }
    }

    List<String> list(String variable, String yamlPath) {
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return split(fromEnvironment);
        }
        JsonNode node = yamlNode(yamlPath);
        if (node == null) {
            return List.of();
        }
        if (node.isArray()) {
            return java.util.stream.StreamSupport.stream(node.spliterator(), false)
                    .map(JsonNode::asText)
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        return split(node.asText());
    }

    Path path(String variable, String yamlPath, Path fallback) {
        String value = raw(variable, yamlPath);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String expanded = value.trim();
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = System.getProperty("user.home") + expanded.substring(1);
        }
        return Path.of(expanded).toAbsolutePath().normalize();
    }

    private String raw(String variable, String yamlPath) {
        String fromEnvironment = variable == null ? null : environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        JsonNode node = yamlNode(yamlPath);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw new ConfigException(yamlName + ": " + yamlPath + " must be a single value");
        }
        return node.asText();
    }

    private JsonNode yamlNode(String yamlPath) {
        if (yaml == null || yamlPath == null) {
            return null;
        }
        JsonNode node = yaml;
        for (String part : yamlPath.split("\\.")) {
            node = node.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private String origin(String variable, String yamlPath) {
        String fromEnvironment = variable == null ? null : environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return variable;
        }
        return yamlName + ": " + yamlPath;
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
