package dev.agenticore.core.sync;

import java.nio.file.Path;

/** Port to the version-control system that keeps local copies of companion repositories. */
public interface ContentRepository {

    /**
     * Makes {@code directory} a checkout of the remote branch's tip: clones when the directory holds
     * no repository yet, otherwise fetches the branch and resets the checkout to it, discarding
     * local changes and untracked files.
     *
     * @param url an accepted repository URL
     * @param branch the remote branch to check out
     * @param directory the checkout; its parent is created when missing
     * @throws dev.agenticore.core.workspace.GitException with a reason free of credentials when the
     *     remote cannot be reached, the branch does not exist or the checkout cannot be written
     */
    void update(String url, String branch, Path directory);
}
