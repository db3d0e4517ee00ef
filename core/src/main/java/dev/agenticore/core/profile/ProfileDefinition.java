package dev.agenticore.core.profile;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A profile as declared, before inheritance. A null field is unset and inherits from the parent
 * profile, or takes the built-in default; a set field always wins, even when it equals the default.
 *
 * @param name profile identifier
 * @param description human-readable description, or null
 * @param extendsName parent profile name, or null
 * @param autoPr whether successful jobs open pull requests, or null
 * @param model Claude model, or null
 * @param maxTurns maximum agentic turns, or null
 * @param permissionMode Claude permission mode, or null
 * @param effort Claude effort level, or null
 * @param worktree whether jobs run in their own worktree, or null
 * @param timeoutSeconds wall-clock limit of one job in seconds, or null
 * @param claudeFlags further Claude flags in declaration order; a null value removes an inherited flag
 * @param directory directory holding the profile's {@code .claude/} and {@code .mcp.json}, or null
 */
public record ProfileDefinition(
        String name,
        String description,
        String extendsName,
        Boolean autoPr,
        String model,
        Integer maxTurns,
        String permissionMode,
        String effort,
        Boolean worktree,
        Long timeoutSeconds,
        Map<String, Object> claudeFlags,
        Path directory) {

    public ProfileDefinition {
        Objects.requireNonNull(name, "name must not be null");
        claudeFlags = Collections.unmodifiableMap(new LinkedHashMap<>(claudeFlags == null ? Map.of() : claudeFlags));
    }

    /** Returns a definition with only a name, which resolves to the built-in defaults. */
    public static ProfileDefinition named(String name) {
        return new ProfileDefinition(name, null, null, null, null, null, null, null, null, null, Map.of(), null);
    }
}
