package dev.agenticore.git;

import dev.agenticore.core.workspace.GitException;
import dev.agenticore.core.workspace.RepositoryLocks;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mirrors under the repos root: one bare repository per repository key, whose {@code origin} fetch
 * refspec is {@code +refs/heads/*:refs/remotes/origin/*}.
 *
 * <p>Bare, because nothing ever works in the mirror itself, and command-line git accepts linked
 * worktrees of a bare repository. Remote branches go to {@code refs/remotes/origin/*} rather than
 * {@code refs/heads/*} (as {@code git clone --mirror} would do) so that fetching with prune never
 * deletes the local branches of the worktrees, which live in {@code refs/heads/*}.
 *
 * <p>Locks: one {@link ReentrantLock} per key in this process, and during fetch also an exclusive
 * {@link FileLock} on {@code <mirror>/.lock} against other processes sharing the directory. The
 * in-process lock comes first because the JVM throws rather than waits when two of its threads lock
 * one file.
 */
final class MirrorCache {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorCache.class);
    private static final String ORIGIN_PREFIX = "refs/remotes/origin/";
    private static final String ORIGIN_HEAD = ORIGIN_PREFIX + Constants.HEAD;

    private final Path reposRoot;
    private final RepositoryLocks sharedLocks;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    MirrorCache(Path reposRoot) {
        this(reposRoot, RepositoryLocks.NONE);
    }

    MirrorCache(Path reposRoot, RepositoryLocks sharedLocks) {
        this.reposRoot = reposRoot;
        this.sharedLocks = sharedLocks;
    }

    Path mirrorDirectory(String key) {
        return reposRoot.resolve(key);
    }

    /** Returns the in-process lock of one repository key. */
    ReentrantLock lock(String key) {
        return locks.computeIfAbsent(key, k -> new ReentrantLock());
    }

    /**
     * Clones the remote into its mirror on first use, otherwise fetches with prune, and records the
     * remote's default branch as {@code refs/remotes/origin/HEAD}. Call with {@link #lock} held.
     *
     * @param access the remote, whose URL becomes {@code remote.origin.url} when the mirror is created
     */
    void fetch(String key, RemoteAccess access) {
        Path mirror = mirrorDirectory(key);
        try {
            Files.createDirectories(mirror);
            try (FileChannel channel =
                    FileChannel.open(mirror.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock fileLock = channel.lock();
                RepositoryLocks.Held shared = null;
                try {
                    shared = sharedLocks.lock(key);
                    fetchLocked(mirror, access);
                } finally {
                    if (shared != null) {
                        shared.close();
                    }
                    fileLock.release();
                }
            }
        } catch (IOException e) {
            throw new GitException("cannot update the mirror " + mirror + ": " + e.getMessage(), e);
        }
    }

    /** Returns the remote's default branch as last fetched, or empty when the remote has no branch. */
    static Optional<String> defaultBranch(Repository mirror) throws IOException {
        Ref head = mirror.exactRef(ORIGIN_HEAD);
        if (head != null && head.isSymbolic()) {
            return Optional.of(head.getTarget().getName().substring(ORIGIN_PREFIX.length()));
        }
        for (String candidate : List.of("main", "master")) {
            if (mirror.exactRef(ORIGIN_PREFIX + candidate) != null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Lists the remote's branch names as last fetched, sorted. */
    static List<String> remoteBranches(Repository mirror) throws IOException {
        return mirror.getRefDatabase().getRefsByPrefix(ORIGIN_PREFIX).stream()
                .map(ref -> ref.getName().substring(ORIGIN_PREFIX.length()))
                .filter(name -> !name.equals(Constants.HEAD))
                .sorted()
                .toList();
    }

    /** Opens the bare mirror repository at a directory. */
    static Repository open(Path mirror) {
        try {
            return new FileRepositoryBuilder()
                    .setGitDir(mirror.toFile())
                    .setMustExist(true)
                    .build();
        } catch (IOException e) {
            throw new GitException("cannot open the mirror " + mirror + ": " + e.getMessage(), e);
        }
    }

    private void fetchLocked(Path mirror, RemoteAccess access) throws IOException {
        // NOTE: when the first fetch fails (unreachable or missing remote), the empty mirror stays and
        // the next request for the same key fetches into it again.
        if (!Files.exists(mirror.resolve("config"))) {
            create(mirror, access.url());
        }

        try (Repository repository = open(mirror);
                Git git = Git.wrap(repository)) {
            long start = System.nanoTime();
            FetchResult result;
            try {
                result = access.configure(git.fetch().setRemote("origin").setRemoveDeletedRefs(true))
                        .call();
            } catch (GitAPIException | JGitInternalException e) {
                throw access.failure("fetch from", e);
            }
            recordDefaultBranch(repository, result);
            LOG.info(
                    "Fetched {} into {} in {} ms",
                    access.displayUrl(),
                    mirror,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void create(Path mirror, String url) throws IOException {
        try (Git git = Git.init()
                .setBare(true)
                .setDirectory(mirror.toFile())
                .setInitialBranch("main")
                .call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", url);
            config.setString("remote", "origin", "fetch", "+refs/heads/*:" + ORIGIN_PREFIX + "*");
            config.save();
            LOG.info("Created the mirror {}", mirror);
        } catch (GitAPIException e) {
            throw new GitException("cannot create the mirror " + mirror + ": " + e.getMessage(), e);
        }
    }

    private void recordDefaultBranch(Repository repository, FetchResult result) throws IOException {
        Ref advertised = result.getAdvertisedRef(Constants.HEAD);
        Optional<String> branch = Optional.empty();
        if (advertised != null
                && advertised.isSymbolic()
                && advertised.getTarget().getName().startsWith(Constants.R_HEADS)) {
            branch = Optional.of(advertised.getTarget().getName().substring(Constants.R_HEADS.length()));
        }
        if (branch.isEmpty()) {
            // The remote did not report its HEAD: keep what an earlier fetch stored, else guess.
            branch = defaultBranch(repository);
        }
        if (branch.isEmpty() || repository.exactRef(ORIGIN_PREFIX + branch.get()) == null) {
            return;
        }

        RefUpdate update = repository.updateRef(ORIGIN_HEAD);
        update.disableRefLog();
        RefUpdate.Result linked = update.link(ORIGIN_PREFIX + branch.get());
        if (linked != RefUpdate.Result.NEW
                && linked != RefUpdate.Result.FORCED
                && linked != RefUpdate.Result.NO_CHANGE) {
            LOG.warn(
                    "Cannot record {} as the default branch in {}: {}",
                    branch.get(),
                    repository.getDirectory(),
                    linked);
        }
    }
}
