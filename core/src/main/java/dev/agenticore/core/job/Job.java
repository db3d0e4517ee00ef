package dev.agenticore.core.job;

import java.time.Instant;
import java.util.Objects;

/**
 * One task run by the agent, from submission to its terminal state. Immutable: changes go through
 * {@link #toBuilder()} and a {@link JobStore#update} call.
 *
 * <p>String fields that have no value are empty, never null, except {@code sessionId}, {@code
 * prUrl}, {@code output} and {@code error}, which are null until set. Numeric fields are null until
 * the agent reports them.
 *
 * @param id random UUID
 * @param repoUrl repository the job works in, or empty
 * @param baseRef branch the work starts from
 * @param task what the agent was asked to do
 * @param profile name of the execution profile after routing
 * @param status lifecycle state
 * @param mode always {@code fire_and_forget}: a waiting client only delays its own response
 * @param exitCode exit code of the agent process, {@code -1} after a timeout
 * @param sessionId Claude session id, known once the agent has started
 * @param prUrl pull request opened for the job
 * @param output the agent's final answer, at most {@link #OUTPUT_LIMIT_BYTES} bytes of UTF-8
 * @param error failure reason or the agent's error output, at most {@link #ERROR_LIMIT_BYTES} bytes
 * @param createdAt submission time
 * @param startedAt time the job started running
 * @param endedAt time the job reached its terminal state
 * @param ttlSeconds how long the job may wait in the queue, and how long its record is kept after it ends
 * @param pid operating-system process id of the agent
 * @param podName node that ran the job
 * @param worktreePath working directory of the agent
 * @param jobConfigDir directory where the profile's configuration was materialized for this job
 * @param branch git branch the job worked on
 * @param worktreeId prepared worktree the job ran in
 * @param filePath extra {@code .mcp.json} whose servers were added for this job
 * @param createRepo whether the repository is created when missing
 * @param privateRepo whether a created repository is private
 * @param costUsd cost reported by the agent, in US dollars
 * @param numTurns agentic turns reported by the agent
 * @param durationMs run time reported by the agent, in milliseconds
 */
public record Job(
        String id,
        String repoUrl,
        String baseRef,
        String task,
        String profile,
        JobStatus status,
        String mode,
        Integer exitCode,
        String sessionId,
        String prUrl,
        String output,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        long ttlSeconds,
        Long pid,
        String podName,
        String worktreePath,
        String jobConfigDir,
        String branch,
        String worktreeId,
        String filePath,
        boolean createRepo,
        boolean privateRepo,
        Double costUsd,
        Integer numTurns,
        Long durationMs) {

    /** The only mode: submission never blocks on the job itself. */
    public static final String MODE_FIRE_AND_FORGET = "fire_and_forget";

    /** Maximum size of {@link #output()} in bytes of UTF-8. */
    public static final int OUTPUT_LIMIT_BYTES = 50 * 1024;

    /** Maximum size of {@link #error()} in bytes of UTF-8. */
    public static final int ERROR_LIMIT_BYTES = 10 * 1024;

    /** Default time to live: one day. */
    public static final long DEFAULT_TTL_SECONDS = 86_400;

    public Job {
        requireText(id, "id");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "created_at must not be null");
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("ttl_seconds must be positive, got " + ttlSeconds);
        }
        repoUrl = emptyIfNull(repoUrl);
        baseRef = emptyIfNull(baseRef);
        task = emptyIfNull(task);
        profile = emptyIfNull(profile);
        mode = mode == null || mode.isEmpty() ? MODE_FIRE_AND_FORGET : mode;
        podName = emptyIfNull(podName);
        worktreePath = emptyIfNull(worktreePath);
        jobConfigDir = emptyIfNull(jobConfigDir);
        branch = emptyIfNull(branch);
        worktreeId = emptyIfNull(worktreeId);
        filePath = emptyIfNull(filePath);
    }

    /** Returns a builder with no values set. */
    public static JobBuilder builder() {
        return new JobBuilder();
    }

    /** Returns a builder that starts from this job's values. */
    public JobBuilder toBuilder() {
        return new JobBuilder(this);
    }

    /** Returns the instant after which a queued job expires and an ended job's record is removed. */
    public Instant expiresAt() {
        Instant reference = endedAt != null ? endedAt : createdAt;
        return reference.plusSeconds(ttlSeconds);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    private static String emptyIfNull(String value) {
        return value == null ? "" : value;
    }
}
