package dev.agenticore.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentStartException;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a run's profile configuration into {@link AgentInvocation#configDirectory()}, never into
 * the working directory, because the working directory is a git worktree whose changes get
 * committed. Stateless and thread-safe, but two runs must not share a configuration directory.
 */
final class ConfigMaterializer {
    static final String CLAUDE_DIRECTORY = ".claude";
    static final String MCP_FILE = ".mcp.json";

    private final Path defaultMcpConfig;

    /** Creates a materializer that merges {@code defaultMcpConfig} (may be null) into every run. */
    ConfigMaterializer(Path defaultMcpConfig) {
        this.defaultMcpConfig = defaultMcpConfig;
    }

    /**
     * Copies each profile directory's {@code .claude/} tree, parent-most first so a child's files
     * replace its parent's, and writes the merged {@code .mcp.json} of the profile directories, the
     * default file and the invocation's files, in that order, without the servers the run disables.
     *
     * @throws AgentStartException when a file cannot be copied or written, or an MCP file is invalid
     */
    MaterializedConfig materialize(AgentInvocation invocation) {
        Path target = invocation.configDirectory();
        Path claudeTarget = target.resolve(CLAUDE_DIRECTORY);
        McpConfigMerger merger = new McpConfigMerger();
        List<Path> directories = invocation.profile().configDirectories();
        for (Path directory : directories) {
            copyTree(directory.resolve(CLAUDE_DIRECTORY), claudeTarget);
            Path mcp = directory.resolve(MCP_FILE);
            if (Files.exists(mcp)) {
                merger.add(mcp, "profile " + invocation.profile().name());
            }
        }
        if (defaultMcpConfig != null && Files.exists(defaultMcpConfig)) {
            merger.add(defaultMcpConfig, "default MCP configuration");
        }
        for (Path file : invocation.mcpConfigFiles()) {
            merger.add(file, "file_path");
        }
        merger.remove(invocation.options().disabledMcpServers());
        Path mcpConfig = target.resolve(MCP_FILE);
        write(mcpConfig, merger.merged());
        Path settings = claudeTarget.resolve("settings.json");
        return new MaterializedConfig(
                mcpConfig,
                Files.isRegularFile(settings) ? Optional.of(settings) : Optional.empty(),
                Files.isDirectory(claudeTarget) ? Optional.of(target) : Optional.empty(),
                readInstructions(claudeTarget.resolve("CLAUDE.md")));
    }

    private static void copyTree(Path source, Path target) {
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new AgentStartException(
                    "cannot copy the profile configuration " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Object json) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the merged MCP configuration as JSON", e);
        } catch (IOException e) {
            throw new AgentStartException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readInstructions(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AgentStartException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
