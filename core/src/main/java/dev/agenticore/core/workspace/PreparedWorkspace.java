package dev.agenticore.core.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A job's working directory.
 *
 * @param directory where the agent runs
 * @param configDirectory where the profile's configuration is materialized for the job
 * @param branch git branch checked out in the directory, or empty
 * @param worktreeId id of the worktree record, or empty
 */
public record PreparedWorkspace(Path directory, Path configDirectory, String branch, String worktreeId) {
    public PreparedWorkspace {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(configDirectory, "configDirectory must not be null");
        branch = branch == null ? "" : branch;
        worktreeId = worktreeId == null ? "" : worktreeId;
    }
}
