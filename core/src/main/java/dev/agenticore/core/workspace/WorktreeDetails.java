package dev.agenticore.core.workspace;

import java.util.Objects;

/**
 * A worktree record with what git and the file system report for its directory.
 *
 * @param record the stored record
 * @param info age, size and push state of its directory, or null when the record has no directory
 *     yet, was removed, or its directory no longer exists
 */
public record WorktreeDetails(Worktree record, WorktreeInfo info) {
    public WorktreeDetails {
        Objects.requireNonNull(record, "record must not be null");
    }

    /** Returns whether the record's directory exists as a linked worktree. */
    public boolean exists() {
        return info != null;
    }
}
