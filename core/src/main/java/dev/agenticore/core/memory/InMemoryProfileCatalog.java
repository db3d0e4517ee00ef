package dev.agenticore.core.memory;

import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileCatalog;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link ProfileCatalog} over a fixed set of profiles. Immutable and thread-safe. */
public final class InMemoryProfileCatalog implements ProfileCatalog {
    private final Map<String, Profile> profiles;

    /** Creates a catalog of the given profiles; a later profile replaces an earlier one of the same name. */
    public InMemoryProfileCatalog(Collection<Profile> profiles) {
        this.profiles = profiles.stream()
                .collect(Collectors.toUnmodifiableMap(Profile::name, Function.identity(), (a, b) -> b));
    }

    @Override
    public List<Profile> list() {
        return profiles.values().stream()
                .sorted(Comparator.comparing(Profile::name))
                .toList();
    }

    @Override
    public Optional<Profile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }
}
