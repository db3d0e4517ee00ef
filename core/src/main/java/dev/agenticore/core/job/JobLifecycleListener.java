package dev.agenticore.core.job;

/**
 * Callback that the {@link JobWorker} calls once for each job it ran, after the job reached a
 * terminal state. Jobs that end without being run by a worker (cancelled or expired while queued)
 * are not reported. Implementations must be thread-safe and quick, because the call happens on the
 * job's thread before its slot is released.
 */
@FunctionalInterface
public interface JobLifecycleListener {
    /** Listener that ignores every job. */
    JobLifecycleListener NONE = job -> {};

    /** Receives the job's final record. */
    void jobEnded(Job job);
}
