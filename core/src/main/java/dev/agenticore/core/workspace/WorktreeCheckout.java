package dev.agenticore.core.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A worktree that {@link GitWorkspace#createWorktree} added.
 *
 * @param directory the worktree's directory
 * @param repoKey key of the repository's mirror
 * @param branch the new branch checked out in it
 * @param baseRef the branch it started from, resolved when the request left it empty
 * @param baseCommit commit id the branch starts at
 */
public record WorktreeCheckout(Path directory, String repoKey, String branch, String baseRef, String baseCommit) {
    public WorktreeCheckout {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(repoKey, "repoKey must not be null");
        Objects.requireNonNull(branch, "branch must not be null");
        Objects.requireNonNull(baseRef, "baseRef must not be null");
        Objects.requireNonNull(baseCommit, "baseCommit must not be null");
    }
}
