package dev.agenticore.core.workspace;

/**
 * A worktree on disk with its record, when Agenticore has one.
 *
 * @param info what git and the file system report
 * @param record the matching record, or null for a worktree Agenticore did not prepare
 */
public record WorktreeListing(WorktreeInfo info, Worktree record) {}
