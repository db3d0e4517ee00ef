package dev.agenticore.core.workspace;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A linked worktree found on disk.
 *
 * @param path the worktree's directory
 * @param repoKey key of the repository's mirror
 * @param branch branch checked out, or empty when detached
 * @param createdAt when the directory was created (its modification time where creation time is unknown)
 * @param ageHours hours since {@code createdAt}, rounded to one decimal
 * @param sizeBytes total size of the files in the directory
 * @param pushed whether {@code origin} has a branch of the same name
 */
public record WorktreeInfo(
        Path path, String repoKey, String branch, Instant createdAt, double ageHours, long sizeBytes, boolean pushed) {}
