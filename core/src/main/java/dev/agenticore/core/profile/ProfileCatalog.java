package dev.agenticore.core.profile;

import java.util.List;
import java.util.Optional;

/** Source of execution profiles. Implementations are thread-safe and may reload from disk. */
public interface ProfileCatalog {

    /** Returns every available profile, sorted by name. */
    List<Profile> list();

    /** Returns the profile with the given name, or empty when there is none. */
    Optional<Profile> find(String name);
}
