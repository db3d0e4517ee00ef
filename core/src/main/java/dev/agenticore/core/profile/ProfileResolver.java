package dev.agenticore.core.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves {@code extends} chains into complete profiles. For each field the nearest profile in
 * the chain that sets it wins; fields no profile sets take the built-in defaults.
 */
public final class ProfileResolver {
    /** Default Claude model. */
    public static final String DEFAULT_MODEL = "sonnet";
    /** Default maximum agentic turns. */
    public static final int DEFAULT_MAX_TURNS = 80;
    /** Default permission mode; jobs run unattended, so the agent may not stop to ask. */
    public static final String DEFAULT_PERMISSION_MODE = "bypassPermissions";
    /** Default wall-clock limit of one job. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    private ProfileResolver() {}

    /**
     * Resolves every definition against the others.
     *
     * @param definitions definitions by name
     * @param problems receives the name and reason of each definition that cannot be resolved
     * @return the resolved profiles by name, in the order of {@code definitions}
     */
    public static Map<String, Profile> resolveAll(
            Map<String, ProfileDefinition> definitions, java.util.function.BiConsumer<String, String> problems) {
        Map<String, Profile> resolved = new LinkedHashMap<>();
        for (ProfileDefinition definition : definitions.values()) {
            try {
                resolved.put(definition.name(), resolve(definition.name(), definitions::get));
            } catch (IllegalArgumentException e) {
                problems.accept(definition.name(), e.getMessage());
            }
        }
        return resolved;
    }

    /**
     * Resolves one profile.
     *
     * @throws IllegalArgumentException when the profile or a parent is missing, the chain has a
     *     cycle, or a value is out of range
     */
    public static Profile resolve(String name, Function<String, ProfileDefinition> lookup) {
        List<ProfileDefinition> chain = chain(name, lookup);
        ProfileDefinition child = chain.get(chain.size() - 1);
        Map<String, Object> flags = new LinkedHashMap<>();
        List<Path> directories = new ArrayList<>();
        for (ProfileDefinition definition : chain) {
            definition.claudeFlags().forEach((key, value) -> {
                if (value == null) {
                    flags.remove(key);
                } else {
                    flags.put(key, value);
                }
            });
            if (definition.directory() != null) {
                directories.add(definition.directory());
            }
        }
        Collections.reverse(chain);
        return new Profile(
                child.name(),
                first(chain, ProfileDefinition::description, ""),
                first(chain, ProfileDefinition::model, DEFAULT_MODEL),
                first(chain, ProfileDefinition::maxTurns, DEFAULT_MAX_TURNS),
                first(chain, ProfileDefinition::worktree, true),
                first(chain, ProfileDefinition::autoPr, true),
                first(chain, ProfileDefinition::permissionMode, DEFAULT_PERMISSION_MODE),
                child.extendsName() == null ? "" : child.extendsName(),
                first(chain, ProfileDefinition::effort, ""),
                Duration.ofSeconds(first(chain, ProfileDefinition::timeoutSeconds, DEFAULT_TIMEOUT.toSeconds())),
                flags,
                directories);
    }

    private static List<ProfileDefinition> chain(String name, Function<String, ProfileDefinition> lookup) {
        List<ProfileDefinition> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String current = name;
        while (current != null && !current.isEmpty()) {
            if (!seen.add(current)) {
                throw new IllegalArgumentException(
                        "profile inheritance has a cycle: " + String.join(" -> ", seen) + " -> " + current);
            }
            ProfileDefinition definition = lookup.apply(current);
            if (definition == null) {
                throw new IllegalArgumentException(
                        current.equals(name)
                                ? "profile " + name + " does not exist"
                                : "parent profile " + current + " does not exist");
            }
            chain.add(0, definition);
            current = definition.extendsName();
        }
        return chain;
    }

    private static <T> T first(List<ProfileDefinition> childFirst, Function<ProfileDefinition, T> field, T fallback) {
        for (ProfileDefinition definition : childFirst) {
            T value = field.apply(definition);
            if (value != null) {
                return value;
            }
        }
        return fallback;
    }
}
