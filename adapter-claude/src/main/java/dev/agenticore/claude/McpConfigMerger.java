package dev.agenticore.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenticore.core.agent.AgentStartException;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Merges {@code .mcp.json} files: the {@code mcpServers} objects are combined server by server,
 * and a later file replaces a server of the same name. Not thread-safe, so each run uses its own.
 */
final class McpConfigMerger {
    private final ObjectNode servers = Json.mapper().createObjectNode();

    /**
     * Adds the servers of one file.
     *
     * @param file the {@code .mcp.json} to read
     * @param origin what the file is, for the error message, such as {@code "file_path"}
     * @throws AgentStartException when the file is missing, unreadable, not JSON, or its {@code
     *     mcpServers} is not an object
     */
    void add(Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            throw new AgentStartException("MCP configuration " + file + " (" + origin
                    + ") not found: give the path of an existing .mcp.json");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // The parser's message quotes the file's content, so only the position is reported.
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new AgentStartException(
                    "MCP configuration " + file + " (" + origin + ") is not valid JSON" + where
                            + "; fix the file or leave " + origin + " empty",
                    e);
        } catch (IOException e) {
            throw new AgentStartException(
                    "cannot read MCP configuration " + file + " (" + origin + "): " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new AgentStartException("MCP configuration " + file + " (" + origin
                    + ") is invalid: expected a JSON object with an \"mcpServers\" object");
        }
        JsonNode added = root.path("mcpServers");
        if (added.isMissingNode() || added.isNull()) {
            return;
        }
        if (!added.isObject()) {
            throw new AgentStartException(
                    "MCP configuration " + file + " (" + origin + ") is invalid: \"mcpServers\" must be an object");
        }
        added.properties().forEach(entry -> servers.set(entry.getKey(), entry.getValue()));
    }

    /** Removes the named servers; names that no file defined are ignored. */
    void remove(java.util.Collection<String> names) {
        servers.remove(names);
    }

    /** Returns the merged configuration as a new JSON object with one {@code mcpServers} member. */
    ObjectNode merged() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("mcpServers", servers.deepCopy());
        return root;
    }
}
