package dev.agenticore.core.job;

import java.time.Duration;
import java.util.Optional;

/**
 * First-in, first-out queue of job ids waiting for a worker. A worker takes a lease on an id and
 * acknowledges it when the job has ended; implementations that survive a crash hand an
 * unacknowledged lease to another worker. Thread-safe.
 */
public interface JobQueue {

    /** Appends a job id to the end of the queue. */
    void enqueue(String jobId);

    /**
     * Takes the id at the head of the queue, waiting up to {@code timeout} for one to arrive.
     *
     * @return the lease, or empty when the timeout passed first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<QueueLease> take(Duration timeout) throws InterruptedException;

    /** Marks a leased job as done so the queue forgets it. Acknowledging twice is harmless. */
    void acknowledge(QueueLease lease);

    /**
     * Stops holding a lease without acknowledging it, so a queue that hands out expired leases gives
     * the job to a worker again after the lease timeout. Does nothing by default.
     */
    default void release(QueueLease lease) {}

    /** Returns the number of ids waiting, not counting leased ones. */
    int size();

    /**
     * Returns whether queued ids survive a restart of the process. When they do not, a restarted
     * node enqueues the jobs its store still holds as queued.
     */
    default boolean survivesRestart() {
        return false;
    }
}
