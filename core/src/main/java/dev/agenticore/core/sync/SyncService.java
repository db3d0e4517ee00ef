package dev.agenticore.core.sync;

import dev.agenticore.core.AgenticoreException;
import dev.agenticore.core.job.RepositoryUrls;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps local copies of the companion repositories under {@code <root>/<target>}. One sync runs at
 * a time per service, so a request and the start-up sync never write the same checkout together.
 * A failure of one target is reported in the result and does not stop the others.
 */
public final class SyncService {
    /** Result of a target that was brought up to date. */
    public static final String OK = "ok";

    /** Result of a target without a configured URL. */
    public static final String SKIPPED = "skipped (no url)";

    /** Prefix of the result of a target whose sync failed; the reason follows. */
    public static final String ERROR_PREFIX = "error: ";

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final Map<SyncTarget, ContentSource> sources = new EnumMap<>(SyncTarget.class);
    private final ContentRepository repository;
    private final Path root;
    private final boolean allowFileUrls;

    /**
     * Creates the service.
     *
     * @param sources the configured repositories; a target without an entry counts as unconfigured
     * @param repository clones and updates the checkouts
     * @param root parent directory of the checkouts, such as {@code $AGENTICORE_HOME/sync}
     * @param allowFileUrls whether {@code file://} URLs are accepted, as for job repositories
     */
    public SyncService(List<ContentSource> sources, ContentRepository repository, Path root, boolean allowFileUrls) {
        for (ContentSource source : sources) {
            this.sources.put(source.target(), source);
        }
        this.repository = Objects.requireNonNull(repository, "repository must not be null");
        this.root = Objects.requireNonNull(root, "root must not be null");
        this.allowFileUrls = allowFileUrls;
    }

    /** Returns the checkout directory of a target, whether or not it exists yet. */
    public Path directory(SyncTarget target) {
        return root.resolve(target.wireName());
    }

    /** Returns the profile directory of the bundle checkout, whether or not it exists yet. */
    public Path bundleProfilesDirectory() {
        return directory(SyncTarget.BUNDLE).resolve("profiles");
    }

    /**
     * Syncs the given targets in order.
     *
     * @return target wire name to {@link #OK}, {@link #SKIPPED} or {@link #ERROR_PREFIX} and a
     *     reason, in the order of {@code targets}
     */
    public synchronized Map<String, String> sync(List<SyncTarget> targets) {
        Map<String, String> results = new LinkedHashMap<>();
        for (SyncTarget target : targets) {
            results.put(target.wireName(), syncOne(target));
        }
        return results;
    }

    /** Syncs every target and logs the results; never throws, for the sync at start-up. */
    public void syncAtStartup() {
        try {
            Map<String, String> results = sync(List.of(SyncTarget.values()));
            log.info("Start-up sync of content repositories: {}", results);
        } catch (RuntimeException e) {
            log.warn("Start-up sync of content repositories failed; the server runs without it", e);
        }
    }

    private String syncOne(SyncTarget target) {
        ContentSource source = sources.get(target);
        if (source == null || !source.configured()) {
            return SKIPPED;
        }
        Optional<String> problem = RepositoryUrls.problem(source.url(), allowFileUrls);
        if (problem.isPresent()) {
            log.warn("Sync of {} skipped: its URL is invalid: {}", target.wireName(), problem.get());
            return ERROR_PREFIX + "invalid URL: " + problem.get();
        }
        try {
            repository.update(source.url(), source.branch(), directory(target));
            log.info("Synced {} from branch {} into {}", target.wireName(), source.branch(), directory(target));
            return OK;
        } catch (AgenticoreException e) {
            log.warn("Sync of {} from branch {} failed: {}", target.wireName(), source.branch(), e.getMessage());
            return ERROR_PREFIX + e.getMessage();
        }
    }
}
