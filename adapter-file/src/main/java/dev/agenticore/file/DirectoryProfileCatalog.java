package dev.agenticore.file;

import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.profile.ProfileDefinition;
import dev.agenticore.core.profile.ProfileResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProfileCatalog} read from profile directories. Each profile is a directory {@code
 * <dir>/<name>/} with a {@code profile.yml} and optionally {@code .claude/} and {@code .mcp.json}
 * beside it.
 *
 * <p>The bundled profiles come first: they are copied from this jar into a directory at first use.
 * The configured directories follow in order, and a later directory's profile replaces an earlier
 * profile of the same name. A profile file that cannot be parsed, and a profile whose {@code extends}
 * cannot be resolved, is logged at WARN and left out.
 *
 * <p>The catalog checks the modification times of the directories and profile files at most once
 * per second, and reads every profile again when one changed, so edits take effect without a
 * restart. Thread-safe.
 */
public final class DirectoryProfileCatalog implements ProfileCatalog {
    private static final Logger log = LoggerFactory.getLogger(DirectoryProfileCatalog.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String PROFILE_FILE = "profile.yml";
    private static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofSeconds(1);

    /** A directory of profile directories, limited to some names or, when null, all of them. */
    private record Layer(Path directory, Set<String> names) {}

    private final Path bundledDirectory;
    private final List<Path> directories;
    private final long recheckNanos;
    private final Object lock = new Object();
    private boolean extracted;
    private List<String> fingerprint;
    private volatile Map<String, Profile> profiles;
    private volatile long nextCheckNanos;

    /**
     * Creates a catalog. Nothing is read until the first call of {@link #list()} or {@link #find}.
     *
     * @param bundledDirectory where the bundled profiles are copied, such as {@code
     *     $AGENTICORE_HOME/bundled-profiles}; null to leave them out
     * @param directories further directories of profiles, lowest precedence first; a missing one is
     *     treated as empty; not null
     */
    public DirectoryProfileCatalog(Path bundledDirectory, List<Path> directories) {
        this(bundledDirectory, directories, DEFAULT_RECHECK_INTERVAL);
    }

    /** Creates a catalog that checks for changes at most once per {@code recheckInterval}. */
    DirectoryProfileCatalog(Path bundledDirectory, List<Path> directories, Duration recheckInterval) {
        this.bundledDirectory = bundledDirectory;
        this.directories = List.copyOf(Objects.requireNonNull(directories, "directories must not be null"));
        this.recheckNanos = recheckInterval.toNanos();
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.agenticore.core.StorageException when the bundled profiles cannot be copied
     */
    @Override
    public List<Profile> list() {
        return List.copyOf(current().values());
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.agenticore.core.StorageException when the bundled profiles cannot be copied
     */
    @Override
    public Optional<Profile> find(String name) {
        return Optional.ofNullable(current().get(name));
    }

    /** Returns the profiles by name, sorted, reading them again when a file changed. */
    private Map<String, Profile> current() {
        Map<String, Profile> known = profiles;
        if (known != null && System.nanoTime() - nextCheckNanos < 0) {
            return known;
        }

        synchronized (lock) {
            if (profiles != null && System.nanoTime() - nextCheckNanos < 0) {
                return profiles;
            }
            if (!extracted && bundledDirectory != null) {
                BundledProfiles.extract(bundledDirectory);
                extracted = true;
            }

            List<Layer> layers = layers();
            List<String> latest = fingerprint(layers);
            if (profiles == null || !latest.equals(fingerprint)) {
                profiles = load(layers);
                fingerprint = latest;
            }
            nextCheckNanos = System.nanoTime() + recheckNanos;
            return profiles;
        }
    }

    private List<Layer> layers() {
        List<Layer> layers = new ArrayList<>();
        if (bundledDirectory != null) {
            layers.add(new Layer(bundledDirectory, BundledProfiles.names()));
        }
        for (Path directory : directories) {
            layers.add(new Layer(directory, null));
        }
        return layers;
    }

    /** Returns the modification time and size of every directory and profile file of the layers. */
    private List<String> fingerprint(List<Layer> layers) {
        List<String> stamps = new ArrayList<>();
        for (Layer layer : layers) {
            stamps.add(stamp(layer.directory()));
            for (Path profileDirectory : profileDirectories(layer, false)) {
                stamps.add(stamp(profileDirectory));
                stamps.add(stamp(profileDirectory.resolve(PROFILE_FILE)));
            }
        }
        return stamps;
    }

    private static String stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return path + " " + attributes.lastModifiedTime() + " " + attributes.size();
        } catch (IOException e) {
            return path + " missing";
        }
    }

    private Map<String, Profile> load(List<Layer> layers) {
        Map<String, ProfileDefinition> definitions = new LinkedHashMap<>();
        for (Layer layer : layers) {
            for (Path profileDirectory : profileDirectories(layer, true)) {
                ProfileDefinition definition = read(profileDirectory);
                if (definition == null) {
                    continue;
                }

                ProfileDefinition replaced = definitions.remove(definition.name());
                if (replaced != null) {
                    log.info(
                            "Profile {} in {} replaces the one in {}",
                            definition.name(),
                            profileDirectory,
                            replaced.directory());
                }
                definitions.put(definition.name(), definition);
            }
        }

        Map<String, Profile> resolved = ProfileResolver.resolveAll(
                definitions,
                (name, reason) -> log.warn(
                        "Skipping profile {} in {}: {}",
                        name,
                        definitions.get(name).directory(),
                        reason));
        log.info("Loaded {} profiles: {}", resolved.size(), resolved.keySet());
        return Collections.unmodifiableMap(new TreeMap<>(resolved));
    }

    /** Reads one profile directory, or logs why it is skipped and returns null. */
    private static ProfileDefinition read(Path profileDirectory) {
        Path file = profileDirectory.resolve(PROFILE_FILE);
        if (!Files.isRegularFile(file)) {
            log.debug("Ignoring {}: it has no {}", profileDirectory, PROFILE_FILE);
            return null;
        }

        ProfileDefinition definition;
        try {
            definition = ProfileYaml.parse(file, profileDirectory);
        } catch (IOException | ProfileYaml.InvalidProfileException | RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            log.warn("Skipping profile file {}: {}", file, reason);
            return null;
        }

        if (!NAME.matcher(definition.name()).matches()) {
            log.warn(
                    "Skipping profile file {}: name '{}' is invalid; use letters, digits, '.', '_' and '-', "
                            + "starting with a letter or digit",
                    file,
                    definition.name());
            return null;
        }
        return definition;
    }

    /**
     * Returns the subdirectories of a layer that are not hidden, sorted by name, or none when the
     * layer is missing or cannot be listed. The failure to list is logged only when {@code warn} is
     * set, so the check for changes does not repeat the warning every second.
     */
    private static List<Path> profileDirectories(Layer layer, boolean warn) {
        if (!Files.isDirectory(layer.directory())) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(layer.directory())) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(child -> layer.names() == null
                            || layer.names().contains(child.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            if (warn) {
                log.warn("Skipping profile directory {}: it cannot be listed: {}", layer.directory(), e.toString());
            }
            return List.of();
        }
    }
}
