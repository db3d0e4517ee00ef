package dev.agenticore.core.workspace;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A worktree record: a checkout prepared ahead of a job ({@code prepare_worktree}) or for one.
 *
 * @param id random UUID
 * @param repoUrl the repository
 * @param baseRef branch it started from
 * @param branch its own branch
 * @param path its directory, empty until ready
 * @param repoKey key of the repository's mirror, empty until ready
 * @param status lifecycle state
 * @param createdAt when preparation began
 * @param error why preparation failed, or null
 * @param jobId the job using it, or empty
 */
public record Worktree(
        String id,
        String repoUrl,
        String baseRef,
        String branch,
        String path,
        String repoKey,
        Status status,
        Instant createdAt,
        String error,
        String jobId) {

    /** Lifecycle state of a worktree record. */
    public enum Status {
        PREPARING,
        READY,
        IN_USE,
        FAILED,
        REMOVED;

        /** Returns the lower-case wire name. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Worktree {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        repoUrl = repoUrl == null ? "" : repoUrl;
        baseRef = baseRef == null ? "" : baseRef;
        branch = branch == null ? "" : branch;
        path = path == null ? "" : path;
        repoKey = repoKey == null ? "" : repoKey;
        jobId = jobId == null ? "" : jobId;
    }

    /** Returns a copy in another state. */
    public Worktree withStatus(Status value) {
        return new Worktree(id, repoUrl, baseRef, branch, path, repoKey, value, createdAt, error, jobId);
    }

    /** Returns a copy that failed for the given reason. */
    public Worktree failed(String reason) {
        return new Worktree(id, repoUrl, baseRef, branch, path, repoKey, Status.FAILED, createdAt, reason, jobId);
    }

    /** Returns a ready copy at the given checkout. */
    public Worktree ready(WorktreeCheckout checkout) {
        return new Worktree(
                id,
                repoUrl,
                checkout.baseRef(),
                checkout.branch(),
                checkout.directory().toString(),
                checkout.repoKey(),
                Status.READY,
                createdAt,
                null,
                jobId);
    }

    /** Returns a copy used by the given job, or released when {@code job} is empty. */
    public Worktree usedBy(String job) {
        Status next = job.isEmpty() ? Status.READY : Status.IN_USE;
        return new Worktree(id, repoUrl, baseRef, branch, path, repoKey, next, createdAt, error, job);
    }
}
