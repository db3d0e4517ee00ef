package dev.agenticore.core.memory;

import dev.agenticore.core.job.JobQueue;
import dev.agenticore.core.job.QueueLease;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link JobQueue} in memory. Ids do not survive a restart, so a restarted node requeues the
 * queued jobs of its store. Thread-safe.
 */
public final class InMemoryJobQueue implements JobQueue {
    private final LinkedBlockingQueue<String> ids = new LinkedBlockingQueue<>();

    @Override
    public void enqueue(String jobId) {
        ids.add(jobId);
    }

    @Override
    public Optional<QueueLease> take(Duration timeout) throws InterruptedException {
        String id = ids.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.ofNullable(id).map(jobId -> new QueueLease(jobId, jobId));
    }

    @Override
    public void acknowledge(QueueLease lease) {
        // Nothing to do: a taken id has already left the queue.
    }

    @Override
    public int size() {
        return ids.size();
    }
}
