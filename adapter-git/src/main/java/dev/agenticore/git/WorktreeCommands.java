package dev.agenticore.git;

import dev.agenticore.core.workspace.GitException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.EmptyCommitException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Commit, comparison and push inside one linked worktree. */
final class WorktreeCommands {
    private static final Logger LOG = LoggerFactory.getLogger(WorktreeCommands.class);
    private static final String ORIGIN_PREFIX = "refs/remotes/origin/";

    private final GitSettings settings;
    private final Function<String, RemoteAccess> access;

    WorktreeCommands(GitSettings settings, Function<String, RemoteAccess> access) {
        this.settings = settings;
        this.access = access;
    }

    /** Stages every change as {@code git add -A} does, honoring {@code .gitignore}, and commits it. */
    Optional<String> commitAll(Path worktree, String message) {
        try (Repository repository = open(worktree);
                Git git = Git.wrap(repository)) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();

            PersonIdent identity = new PersonIdent(settings.authorName(), settings.authorEmail());
            RevCommit commit = git.commit()
                    .setMessage(message)
                    .setAuthor(identity)
                    .setCommitter(identity)
                    .setSign(false)
                    .setAllowEmpty(false)
                    .call();
            LOG.info("Committed {} in {}", commit.name(), worktree);
            return Optional.of(commit.name());
        } catch (EmptyCommitException e) {
            return Optional.empty();
        } catch (GitAPIException e) {
            throw new GitException("cannot commit in " + worktree + ": " + e.getMessage(), e);
        }
    }

    /** Returns whether HEAD has commits that {@code origin/<baseRef>} (or the default branch) lacks. */
    boolean hasCommitsBeyond(Path worktree, String baseRef) {
        try (Repository repository = open(worktree);
                RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return false;
            }
            String name =
                    baseRef.isEmpty() ? MirrorCache.defaultBranch(repository).orElse("") : baseRef;
            Ref base = repository.exactRef(ORIGIN_PREFIX + name);
            if (base == null) {
                throw new GitException("base branch 'origin/" + name + "' not found in " + worktree);
            }

            walk.markStart(walk.parseCommit(head));
            walk.markUninteresting(walk.parseCommit(base.getObjectId()));
            return walk.next() != null;
        } catch (IOException e) {
            throw new GitException("cannot compare branches in " + worktree + ": " + e.getMessage(), e);
        }
    }

    /** Pushes {@code refs/heads/<branch>} to origin and sets {@code refs/remotes/origin/<branch>}. */
    void push(Path worktree, String branch) {
        try (Repository repository = open(worktree);
                Git git = Git.wrap(repository)) {
            String url = repository.getConfig().getString("remote", "origin", "url");
            if (url == null) {
                throw new GitException("the worktree " + worktree + " has no remote 'origin'");
            }
            RemoteAccess remote = access.apply(url);
            String ref = Constants.R_HEADS + branch;

            Iterable<PushResult> results;
            try {
                results = remote.configure(git.push().setRemote("origin").setRefSpecs(new RefSpec(ref + ":" + ref)))
                        .call();
            } catch (GitAPIException | JGitInternalException e) {
                throw remote.failure("push of branch " + branch + " to", e);
            }
            requireAccepted(results, branch, remote);

            updateTrackingRef(repository, branch);
            LOG.info("Pushed branch {} to {}", branch, remote.displayUrl());
        } catch (IOException e) {
            throw new GitException("cannot push from " + worktree + ": " + e.getMessage(), e);
        }
    }

    private static void requireAccepted(Iterable<PushResult> results, String branch, RemoteAccess remote) {
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                RemoteRefUpdate.Status status = update.getStatus();
                if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
                    continue;
                }
                List<String> reasons = new ArrayList<>();
                reasons.add(describe(status));
                if (update.getMessage() != null) {
                    reasons.add(update.getMessage());
                }
                if (!result.getMessages().isBlank()) {
                    reasons.add("remote output: " + result.getMessages().strip());
                }
                throw new GitException(remote.scrub("push of branch " + branch + " to " + remote.displayUrl()
                        + " was rejected: " + String.join("; ", reasons)));
            }
        }
    }

    private static String describe(RemoteRefUpdate.Status status) {
        return switch (status) {
            case REJECTED_NONFASTFORWARD -> "non-fast-forward, because the remote branch has new commits";
            case REJECTED_REMOTE_CHANGED -> "the remote branch changed during the push";
            case REJECTED_OTHER_REASON -> "the remote rejected it";
            default -> status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * Sets {@code refs/remotes/origin/<branch>} to the pushed commit. NOTE: this runs without the mirror
     * lock, so a fetch that listed the remote before the push finished may prune the ref again. The
     * next fetch restores it.
     */
    private static void updateTrackingRef(Repository repository, String branch) throws IOException {
        ObjectId pushed = repository.resolve(Constants.R_HEADS + branch);
        RefUpdate update = repository.updateRef(ORIGIN_PREFIX + branch);
        update.setNewObjectId(pushed);
        update.setForceUpdate(true);
        update.disableRefLog();
        RefUpdate.Result result = update.update();
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE) {
            LOG.warn("Pushed branch {} but cannot set {}{}: {}", branch, ORIGIN_PREFIX, branch, result);
        }
    }

    private static Repository open(Path worktree) {
        try {
            Path directory = worktree.toAbsolutePath().normalize();
            return LinkedWorktrees.openWorktree(LinkedWorktrees.adminDirectory(directory), directory);
        } catch (IOException e) {
            throw new GitException("cannot open the worktree " + worktree + ": " + e.getMessage(), e);
        }
    }
}
