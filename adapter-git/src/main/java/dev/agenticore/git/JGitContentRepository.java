package dev.agenticore.git;

import dev.agenticore.core.sync.ContentRepository;
import dev.agenticore.core.workspace.GitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContentRepository} on JGit: a checkout with a working tree that follows one remote branch.
 * Each update fetches only that branch, points the local branch of the same name at the fetched
 * commit and resets the working tree to it, so a fast-forward and a force-pushed branch end the
 * same way. Credentials are handled as in {@link JGitWorkspace}: the token goes to HTTP remotes as
 * the password of {@code x-access-token}, and URL user info is never stored.
 *
 * <p>Not thread-safe for one directory: callers serialize updates of the same checkout.
 */
public final class JGitContentRepository implements ContentRepository {
    private static final Logger LOG = LoggerFactory.getLogger(JGitContentRepository.class);
    private static final String ORIGIN_PREFIX = "refs/remotes/origin/";

    private final Supplier<Optional<String>> tokens;
    private final int timeoutSeconds;

    /**
     * Creates the adapter.
     *
     * @param tokens supplies the token for HTTP remotes on each update, or empty for none
     * @param timeoutSeconds JGit's network timeout, at least 1
     */
    public JGitContentRepository(Supplier<Optional<String>> tokens, int timeoutSeconds) {
        this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeoutSeconds must be at least 1, got " + timeoutSeconds);
        }
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public void update(String url, String branch, Path directory) {
        if (!Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new GitException("branch '" + branch + "' is not a valid git branch name");
        }
        String stored = RemoteAccess.isHttp(url) ? new RemoteAccess(url, Optional.empty(), 1).displayUrl() : url;
        RemoteAccess access = new RemoteAccess(stored, tokens.get(), timeoutSeconds);
        long start = System.nanoTime();
        try (Git git = openOrCreate(directory, stored)) {
            ObjectId commit = fetch(git, access, branch);
            checkOut(git, branch, commit);
            LOG.info(
                    "Checked out {} of {} at {} in {} ({} ms)",
                    branch,
                    access.displayUrl(),
                    commit.name(),
                    directory,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | GitAPIException | JGitInternalException e) {
            throw new GitException(access.scrub("cannot update the checkout " + directory + ": " + e.getMessage()), e);
        }
    }

    /** Opens the checkout, or creates an empty one; the origin URL is set to {@code url} either way. */
    private static Git openOrCreate(Path directory, String url) throws IOException, GitAPIException {
        Git git;
        if (Files.isDirectory(directory.resolve(Constants.DOT_GIT))) {
            git = Git.open(directory.toFile());
        } else {
            requireEmptyOrMissing(directory);
            Files.createDirectories(directory);
            git = Git.init().setDirectory(directory.toFile()).call();
            LOG.info("Created the checkout {}", directory);
        }
        StoredConfig config = git.getRepository().getConfig();
        config.setString("remote", "origin", "url", url);
        config.save();
        return git;
    }

    private static void requireEmptyOrMissing(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> children = Files.list(directory)) {
            if (children.findAny().isPresent()) {
                throw new GitException(
                        directory + " exists and is not a git checkout; move it away so it can be cloned again");
            }
        }
    }

    /** Fetches the one branch into {@code refs/remotes/origin/<branch>} and returns its commit. */
    private static ObjectId fetch(Git git, RemoteAccess access, String branch) throws IOException {
        String tracking = ORIGIN_PREFIX + branch;
        try {
            access.configure(git.fetch()
                            .setRemote(access.url())
                            .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + tracking)))
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw access.failure("fetch of branch " + branch + " from", e);
        }
        Ref ref = git.getRepository().exactRef(tracking);
        if (ref == null) {
            throw new GitException("branch '" + branch + "' not found in " + access.displayUrl());
        }
        return ref.getObjectId();
    }

    /** Points the local branch and HEAD at the commit, then makes index and files match it. */
    private static void checkOut(Git git, String branch, ObjectId commit) throws IOException, GitAPIException {
        Repository repository = git.getRepository();
        RefUpdate branchUpdate = repository.updateRef(Constants.R_HEADS + branch);
        branchUpdate.setNewObjectId(commit);
        branchUpdate.setForceUpdate(true);
        RefUpdate.Result moved = branchUpdate.update();
        if (moved == RefUpdate.Result.LOCK_FAILURE || moved == RefUpdate.Result.IO_FAILURE) {
            throw new GitException("cannot move branch " + branch + " to " + commit.name() + ": " + moved);
        }
        RefUpdate head = repository.updateRef(Constants.HEAD);
        head.disableRefLog();
        head.link(Constants.R_HEADS + branch);

        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
        git.clean().setCleanDirectories(true).setForce(true).call();
    }
}
