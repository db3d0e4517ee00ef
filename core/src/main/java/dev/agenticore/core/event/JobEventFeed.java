package dev.agenticore.core.event;

import dev.agenticore.core.agent.AgentEvent;
import java.time.Duration;
import java.util.List;

/**
 * Appends job events to a {@link JobEventLog} and wakes the readers of this process waiting for
 * them, so live streams see an event as soon as it is stored. Thread-safe.
 */
public final class JobEventFeed {
    private final JobEventLog log;
    private final Object signal = new Object();

    /** Creates a feed over a log. */
    public JobEventFeed(JobEventLog log) {
        this.log = log;
    }

    /** Appends an event and wakes waiting readers. */
    public JobEvent publish(String jobId, AgentEvent event) {
        JobEvent stored = log.append(jobId, event);
        synchronized (signal) {
            signal.notifyAll();
        }
        return stored;
    }

    /** Reads events after a sequence number without waiting. */
    public List<JobEvent> read(String jobId, long afterSequence, int limit) {
        return log.read(jobId, afterSequence, limit);
    }

    /**
     * Reads events after a sequence number, waiting up to {@code timeout} for one to arrive. Returns
     * early, possibly with no events, when {@link #wakeReaders()} is called, so callers loop. Events
     * written by other processes sharing the log are seen within one second.
     *
     * @return the events, or an empty list when none arrived
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public List<JobEvent> await(String jobId, long afterSequence, int limit, Duration timeout)
            throws InterruptedException {
        synchronized (signal) {
            List<JobEvent> events = log.read(jobId, afterSequence, limit);
            if (!events.isEmpty() || timeout.isZero() || timeout.isNegative()) {
                return events;
            }
            signal.wait(Math.max(1, Math.min(timeout.toMillis(), 1_000)));
        }
        return log.read(jobId, afterSequence, limit);
    }

    /** Wakes every waiting reader, for example when a job ended, so streams can close promptly. */
    public void wakeReaders() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Removes a job's events. */
    public void delete(String jobId) {
        log.delete(jobId);
    }
}
