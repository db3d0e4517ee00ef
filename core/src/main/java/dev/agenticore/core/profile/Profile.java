package dev.agenticore.core.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A resolved execution profile: how the agent runs for a job. Every field has its value after
 * inheritance; see {@link ProfileDefinition} for the form read from disk.
 *
 * @param name profile identifier
 * @param description human-readable description
 * @param model Claude model alias or name; {@code default} leaves the choice to the CLI
 * @param maxTurns maximum agentic turns
 * @param worktree whether a job with a repository runs in its own git worktree
 * @param autoPr whether a successful job's changes become a pull request
 * @param permissionMode Claude permission mode, or {@code dangerously-skip-permissions}
 * @param extendsName parent profile name, or empty
 * @param effort Claude effort level, or empty
 * @param timeout wall-clock limit of one job
 * @param claudeFlags further Claude command-line flags in declaration order, keyed in snake_case
 * @param configDirectories directories holding {@code .claude/} and {@code .mcp.json}, parent-most first
 */
public record Profile(
        String name,
        String description,
        String model,
        int maxTurns,
        boolean worktree,
        boolean autoPr,
        String permissionMode,
        String extendsName,
        String effort,
        Duration timeout,
        Map<String, Object> claudeFlags,
        List<Path> configDirectories) {

    /** Permission mode value that renders as the bare {@code --dangerously-skip-permissions} flag. */
    public static final String SKIP_PERMISSIONS = "dangerously-skip-permissions";

    public Profile {
        Objects.requireNonNull(name, "name must not be null");
        if (maxTurns <= 0) {
            throw new IllegalArgumentException("max_turns of profile " + name + " must be positive, got " + maxTurns);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout of profile " + name + " must be positive");
        }
        description = description == null ? "" : description;
        model = model == null ? "" : model;
        permissionMode = permissionMode == null ? "" : permissionMode;
        extendsName = extendsName == null ? "" : extendsName;
        effort = effort == null ? "" : effort;
        claudeFlags = Collections.unmodifiableMap(new LinkedHashMap<>(claudeFlags == null ? Map.of() : claudeFlags));
        configDirectories = List.copyOf(configDirectories == null ? List.of() : configDirectories);
    }
}
