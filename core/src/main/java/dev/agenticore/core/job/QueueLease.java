package dev.agenticore.core.job;

import java.util.Objects;

/**
 * A worker's claim on one queued job id.
 *
 * @param jobId the leased job
 * @param token identifies this lease in the queue implementation (for example a stream entry id)
 */
public record QueueLease(String jobId, String token) {
    public QueueLease {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Objects.requireNonNull(token, "token must not be null");
    }
}
