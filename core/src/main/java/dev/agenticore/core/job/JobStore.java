package dev.agenticore.core.job;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Persistent collection of jobs. Implementations are thread-safe, and {@link #update} is atomic per
 * job, so a status check and a status change inside one update cannot interleave with another
 * update of the same job, even from another node when the store is shared.
 */
public interface JobStore {

    /**
     * Stores a new job.
     *
     * @throws dev.agenticore.core.ConflictException when a job with the same id exists
     * @throws dev.agenticore.core.StorageException when the record cannot be written
     */
    void create(Job job);

    /** Returns the job with the given id, or empty when there is none. */
    Optional<Job> find(String id);

    /**
     * Lists jobs, newest first by creation time.
     *
     * @param status only jobs in this state, or null for every state
     * @param limit maximum number of jobs returned, at least 1
     */
    List<Job> list(JobStatus status, int limit);

    /**
     * Replaces a job with the result of a function applied to its current value, atomically. The
     * function may run more than once when a concurrent update intervenes, so it must have no side
     * effects. Returning the same instance writes nothing.
     *
     * @return the job after the change, or empty when there is no job with that id
     */
    Optional<Job> update(String id, UnaryOperator<Job> change);

    /** Removes a job; does nothing when it does not exist. */
    void delete(String id);

    /** Returns the number of jobs in the given state. */
    int count(JobStatus status);
}
