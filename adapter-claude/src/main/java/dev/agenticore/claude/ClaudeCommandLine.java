package dev.agenticore.claude;

import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.RunOptions;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the Claude Code command line of one run. Stateless and thread-safe.
 *
 * <p>The prompt goes last, after {@code -p --}, because Claude Code 2.1.197 rejects a prompt that
 * starts with a dash as an unknown option, so {@code --resume} comes before {@code -p}.
 */
final class ClaudeCommandLine {
    /**
     * Flags the runner sets itself, or that must never reach the CLI: {@code --worktree} would make
     * Claude Code create its own git worktree, and {@code timeout} is Agenticore's, not a CLI flag.
     */
    static final Set<String> RUNNER_OWNED_FLAGS = Set.of("--worktree", "--timeout", "--output-format", "--verbose");

    /** Flag whose profile value joins the runner's single {@code --append-system-prompt}. */
    static final String APPEND_SYSTEM_PROMPT = "--append-system-prompt";

    private ClaudeCommandLine() {}

    /** Returns the arguments, starting with {@code binary}, that run {@code invocation}. */
    static List<String> render(String binary, AgentInvocation invocation, MaterializedConfig config) {
        Profile profile = invocation.profile();
        List<String> command = new ArrayList<>();
        command.add(binary);
        addProfileFlags(command, profile);
        addConfigFlags(command, config);
        addOption(command, "--output-format", "stream-json");
        command.add("--verbose");
        RunOptions options = invocation.options();
        if (options.partialMessages() && !command.contains("--include-partial-messages")) {
            command.add("--include-partial-messages");
        }
        if (!options.systemPrompt().isEmpty()) {
            addOption(command, "--system-prompt", options.systemPrompt());
        }
        String systemPrompt = systemPrompt(
                config.instructions(), profile.claudeFlags(), options.appendSystemPrompt(), invocation.context());
        if (!systemPrompt.isEmpty()) {
            addOption(command, "--append-system-prompt", systemPrompt);
        }
        addSessionFlags(command, invocation);
        command.add("-p");
        command.add("--");
        command.add(invocation.prompt());
        return command;
    }

    private static void addSessionFlags(List<String> command, AgentInvocation invocation) {
        RunOptions options = invocation.options();
        if (!invocation.sessionId().isEmpty()) {
            addOption(command, "--resume", invocation.sessionId());
        } else if (!options.newSessionId().isEmpty()) {
            addOption(command, "--session-id", options.newSessionId());
        }
        if (!options.persistSession()) {
            command.add("--no-session-persistence");
        }
    }

    private static void addConfigFlags(List<String> command, MaterializedConfig config) {
        // Strict mode ignores every other MCP configuration, as the CLI's help states. With Claude
        // Code 2.1.197 it kept out the repository's own .mcp.json, so the profile decides alone.
        command.add("--mcp-config");
        command.add(config.mcpConfig().toString());
        command.add("--strict-mcp-config");
        config.settings().ifPresent(settings -> addOption(command, "--settings", settings.toString()));
        // Loads the profile's agents, commands and skills. It also gives the agent's tools access to
        // the configuration directory.
        config.claudeDirectory().ifPresent(directory -> addOption(command, "--add-dir", directory.toString()));
    }

    private static void addProfileFlags(List<String> command, Profile profile) {
        String model = profile.model().strip();
        if (!model.isEmpty() && !model.equalsIgnoreCase("default")) {
            addOption(command, "--model", model);
        }
        addOption(command, "--max-turns", Integer.toString(profile.maxTurns()));
        String permission = profile.permissionMode().strip();
        if (permission.equals(Profile.SKIP_PERMISSIONS)) {
            command.add("--" + Profile.SKIP_PERMISSIONS);
        } else if (!permission.isEmpty()) {
            addOption(command, "--permission-mode", permission);
        }
        if (!profile.effort().isBlank()) {
            addOption(command, "--effort", profile.effort().strip());
        }
        profile.claudeFlags().forEach((key, value) -> addClaudeFlag(command, key, value));
    }

    /**
     * Appends one profile flag: {@code true} as a bare flag, a list as the flag followed by each
     * item, a map as JSON text, anything else by its string form. Null, empty and {@code false}
     * values add nothing, and so do runner-owned keys.
     */
    static void addClaudeFlag(List<String> command, String key, Object value) {
        String flag = toFlag(key);
        if (RUNNER_OWNED_FLAGS.contains(flag) || APPEND_SYSTEM_PROMPT.equals(flag) || value == null) {
            return;
        }
        if (value instanceof Boolean bool) {
            if (bool) {
                command.add(flag);
            }
        } else if (value instanceof Collection<?> items) {
            command.add(flag);
            items.stream().filter(item -> item != null).map(String::valueOf).forEach(command::add);
        } else if (value instanceof Map<?, ?> map) {
            addOption(command, flag, Json.write(map));
        } else if (!value.toString().isEmpty()) {
            addOption(command, flag, value.toString());
        }
    }

    /**
     * Converts a snake_case profile key such as {@code allowed_tools} to {@code --allowed-tools}.
     * Leading dashes are dropped first, and the case is kept because some flags have camelCase
     * aliases such as {@code --allowedTools}.
     */
    static String toFlag(String key) {
        String name = key.strip();
        while (name.startsWith("-")) {
            name = name.substring(1);
        }
        return "--" + name.replace('_', '-');
    }

    /**
     * Joins the profile's {@code CLAUDE.md}, its {@code append_system_prompt} flag, the run's own
     * appended text and the context line into one text, because the CLI accepts only one {@code
     * --append-system-prompt}.
     */
    static String systemPrompt(
            String instructions, Map<String, Object> claudeFlags, String runText, Map<String, String> context) {
        List<String> parts = new ArrayList<>();
        parts.add(instructions);
        claudeFlags.forEach((key, value) -> {
            if (value != null && APPEND_SYSTEM_PROMPT.equals(toFlag(key))) {
                parts.add(value.toString().strip());
            }
        });
        parts.add(runText.strip());
        parts.add(contextLine(context));
        return parts.stream().filter(part -> !part.isEmpty()).collect(Collectors.joining("\n\n"));
    }

    /** Returns the context as {@code Label: value} pairs joined by {@code " | "}, skipping empty values. */
    static String contextLine(Map<String, String> context) {
        return context.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(" | "));
    }

    private static void addOption(List<String> command, String flag, String value) {
        command.add(flag);
        command.add(value);
    }
}
