package dev.agenticore.core.job;

import dev.agenticore.core.event.JobEventFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies job time-to-live: a job still queued when its TTL has passed becomes expired, and the
 * record of a job that ended more than its TTL ago is removed with its events.
 */
final class JobSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);

    private final JobStore store;
    private final JobEventFeed events;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    JobSweeper(JobStore store, JobEventFeed events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    synchronized void start(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(JobWorker.named("agenticore-sweeper-"));
        scheduler.scheduleWithFixedDelay(this::sweepSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one sweep; returns the number of jobs expired plus removed. */
    int sweep() {
        Instant now = clock.instant();
        int expired = 0;
        for (Job job : store.list(JobStatus.QUEUED, Integer.MAX_VALUE)) {
            if (!now.isBefore(job.expiresAt())) {
                store.update(
                        job.id(),
                        j -> j.status() != JobStatus.QUEUED
                                ? j
                                : j.toBuilder()
                                        .status(JobStatus.EXPIRED)
                                        .endedAt(now)
                                        .error("expired after waiting " + j.ttlSeconds() + " s in the queue")
                                        .build());
                expired++;
            }
        }
        int removed = 0;
        for (JobStatus status : JobStatus.values()) {
            if (!status.isTerminal()) {
                continue;
            }
            for (Job job : store.list(status, Integer.MAX_VALUE)) {
                if (job.endedAt() != null && !now.isBefore(job.expiresAt())) {
                    store.delete(job.id());
                    events.delete(job.id());
                    removed++;
                }
            }
        }
        if (expired > 0 || removed > 0) {
            log.info("Sweep: {} queued jobs expired, {} ended jobs removed after their TTL", expired, removed);
        }
        return expired + removed;
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Sweeping expired jobs failed; retrying at the next interval", e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
