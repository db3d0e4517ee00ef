package dev.agenticore.core.job;

import dev.agenticore.core.StorageException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a job's store operations that throw {@link StorageException}, so a running job outlasts a
 * storage outage such as a Redis restart instead of losing its outcome. The pause between attempts
 * starts at 0.5 s and doubles up to 5 s. Each failing series logs one warning when it begins and one
 * message when it ends.
 */
final class StorageRetry {
    /**
     * Time limit for one operation, chosen to outlast a restart of a store such as Redis.
     *
     * <p>NOTE: a shared queue's lease (60 s by default in Redis) is renewed on its own schedule. After
     * an outage longer than the lease timeout, another node may claim the job before this node renews
     * its lease, and then fails it as lost.
     */
    static final Duration DEFAULT_LIMIT = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(StorageRetry.class);
    private static final long FIRST_PAUSE_MILLIS = 500;
    private static final long MAX_PAUSE_MILLIS = 5000;

    private final Duration limit;

    StorageRetry(Duration limit) {
        this.limit = limit;
    }

    /**
     * Runs an operation until it returns or the time limit passes. The operation must be safe to
     * repeat, because a write can succeed in the store while its reply is lost.
     *
     * @param jobId the job the operation belongs to, for the log
     * @param operation what the operation does, for the log, for example "record the outcome"
     * @throws StorageException the last failure, when the time limit passed or the thread was
     *     interrupted while pausing
     */
    <T> T call(String jobId, String operation, Supplier<T> action) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pauseMillis = FIRST_PAUSE_MILLIS;
        int failures = 0;
        while (true) {
            try {
                T result = action.get();
                if (failures > 0) {
                    log.info("Job {}: {} succeeded after {} failed attempts", jobId, operation, failures);
                }
                return result;
            } catch (StorageException e) {
                failures++;
                long remainingMillis =
                        Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (remainingMillis <= 0) {
                    log.warn(
                            "Job {}: {} failed {} times within {} s; giving up",
                            jobId,
                            operation,
                            failures,
                            limit.toSeconds());
                    throw e;
                }
                if (failures == 1) {
                    log.warn(
                            "Job {}: {} failed, retrying for up to {} s: {}",
                            jobId,
                            operation,
                            limit.toSeconds(),
                            e.getMessage());
                }
                pause(Math.min(pauseMillis, remainingMillis), e);
                pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    private static void pause(long millis, StorageException failure) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
