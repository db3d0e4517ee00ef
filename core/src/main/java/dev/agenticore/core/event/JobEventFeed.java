package dev.agenticore.core.event;

import dev.agenticore.core.agent.AgentEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends job events to a {@link JobEventLog} and wakes the readers of this process waiting for
 * them, so live streams see an event as soon as it is stored. Thread-safe.
 */
public final class JobEventFeed {
    private static final int CACHED_JOBS = 256;
    private static final int CACHED_EVENTS_PER_JOB = 1000;

    private final JobEventLog log;
    private final Object signal = new Object();
    private final Map<String, Deque<JobEvent>> recent = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<JobEvent>> eldest) {
            return size() > CACHED_JOBS;
        }
    };

    /** Creates a feed over a log. */
    public JobEventFeed(JobEventLog log) {
        this.log = log;
    }

    /** Appends an event and wakes waiting readers. */
    public JobEvent publish(String jobId, AgentEvent event) {
        JobEvent stored = log.append(jobId, event);
        synchronized (signal) {
            Deque<JobEvent> events = recent.computeIfAbsent(jobId, id -> new ArrayDeque<>());
            if (!events.isEmpty() && events.peekLast().sequence() + 1 != stored.sequence()) {
                events.clear();
            }
            events.addLast(stored);
            if (events.size() > CACHED_EVENTS_PER_JOB) {
                events.removeFirst();
            }
            signal.notifyAll();
        }
        return stored;
    }

    /**
     * Reads events after a sequence number without waiting. Events this process published recently
     * come from memory; older ones, and those of jobs running on other nodes, from the log.
     */
    public List<JobEvent> read(String jobId, long afterSequence, int limit) {
        synchronized (signal) {
            Deque<JobEvent> events = recent.get(jobId);
            if (events != null && !events.isEmpty() && events.peekFirst().sequence() <= afterSequence + 1) {
                List<JobEvent> found = new ArrayList<>();
                for (JobEvent event : events) {
                    if (event.sequence() > afterSequence && found.size() < limit) {
                        found.add(event);
                    }
                }
                return found;
            }
        }
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
            List<JobEvent> events = read(jobId, afterSequence, limit);
            if (!events.isEmpty() || timeout.isZero() || timeout.isNegative()) {
                return events;
            }
            signal.wait(Math.max(1, Math.min(timeout.toMillis(), 1_000)));
        }
        return read(jobId, afterSequence, limit);
    }

    /** Wakes every waiting reader, for example when a job ended, so streams can close promptly. */
    public void wakeReaders() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Removes a job's events. */
    public void delete(String jobId) {
        synchronized (signal) {
            recent.remove(jobId);
        }
        log.delete(jobId);
    }
}
