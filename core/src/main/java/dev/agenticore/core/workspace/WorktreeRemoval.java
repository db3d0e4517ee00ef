package dev.agenticore.core.workspace;

/**
 * The outcome of removing one worktree.
 *
 * @param path the path as requested
 * @param success whether it was removed
 * @param error why not, or null
 */
public record WorktreeRemoval(String path, boolean success, String error) {}
