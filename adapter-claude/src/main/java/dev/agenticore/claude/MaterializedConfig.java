package dev.agenticore.claude;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The profile configuration of one run, written into the run's configuration directory.
 *
 * @param mcpConfig the merged {@code .mcp.json}, which always exists
 * @param settings the {@code .claude/settings.json} of the merged tree, when a profile has one
 * @param claudeDirectory directory that contains the merged {@code .claude/} tree, when a profile
 *     has one. The CLI reads its agents, commands and skills through {@code --add-dir}.
 * @param instructions text of the merged {@code .claude/CLAUDE.md}, or empty
 */
record MaterializedConfig(
        Path mcpConfig, Optional<Path> settings, Optional<Path> claudeDirectory, String instructions) {}
