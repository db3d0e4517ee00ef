package dev.agenticore.core.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Git operations on a local cache of repositories: one mirror per repository, and linked worktrees
 * on their own branches under a worktree root. Implementations are thread-safe: concurrent calls
 * on one repository serialize only where git requires it (fetching the mirror, adding a worktree).
 * Failures throw {@link GitException} with a message for the job's {@code error} field; no message
 * contains a credential.
 */
public interface GitWorkspace {

    /**
     * Fetches the repository into its mirror (cloning it on first use) and adds a linked worktree
     * on a new branch.
     *
     * @param repoUrl repository URL, already validated
     * @param baseRef branch to start from; empty for the remote's default branch
     * @param branch name of the new local branch
     * @param directory where the worktree goes; must be inside the worktree root and not exist yet
     * @return the checkout
     */
    WorktreeCheckout createWorktree(String repoUrl, String baseRef, String branch, Path directory);

    /**
     * Stages every change in a worktree, untracked files included, and commits it.
     *
     * @return the new commit id, or empty when there was nothing to commit
     */
    Optional<String> commitAll(Path worktree, String message);

    /**
     * Returns whether the worktree's branch has commits that {@code origin/<baseRef>} lacks.
     */
    boolean hasCommitsBeyond(Path worktree, String baseRef);

    /** Pushes the worktree's branch to {@code origin} under the same name. */
    void push(Path worktree, String branch);

    /** Returns whether a remote repository answers (for example before creating it). */
    boolean repositoryExists(String repoUrl);

    /** Lists every linked worktree under the worktree root, oldest first. */
    List<WorktreeInfo> listWorktrees();

    /**
     * Describes one linked worktree the way {@link #listWorktrees} does. The default picks it out of
     * {@link #listWorktrees}, which measures every worktree, so implementations may look at this one
     * alone.
     *
     * @param directory the worktree's directory
     * @return the worktree, or empty when the directory does not exist or is not a linked worktree under
     *     the worktree root
     */
    default Optional<WorktreeInfo> describeWorktree(Path directory) {
        return listWorktrees().stream()
                .filter(info -> info.path().equals(directory))
                .findFirst();
    }

    /**
     * Removes a linked worktree and its directory.
     *
     * @throws dev.agenticore.core.InvalidRequestException when the path is not a worktree inside the
     *     worktree root (symbolic links and {@code ..} included)
     */
    void removeWorktree(Path path);

    /** Returns the normalized key of a repository URL: {@code …/repo}, {@code …/repo.git} and {@code …/repo/} share one. */
    String repositoryKey(String repoUrl);
}
