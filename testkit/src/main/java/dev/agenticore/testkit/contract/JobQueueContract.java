package dev.agenticore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.job.JobQueue;
import dev.agenticore.core.job.QueueLease;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link JobQueue} must have. A subclass returns a new, empty queue from {@link
 * #newQueue()}, which runs before each test.
 */
public abstract class JobQueueContract {
    private static final Duration SHORT_WAIT = Duration.ofMillis(200);
    private static final Duration LONG_WAIT = Duration.ofSeconds(10);

    private JobQueue queue;

    /**
     * Creates the queue under test.
     *
     * @return a new queue with no ids, never null
     */
    protected abstract JobQueue newQueue();

    /** Returns the queue created for the current test. */
    protected JobQueue queue() {
        return queue;
    }

    @BeforeEach
    void createQueue() {
        queue = newQueue();
    }

    @Test
    @Timeout(30)
    void takeReturnsIdsInFifoOrder() throws Exception {
        queue.enqueue("job-1");
        queue.enqueue("job-2");
        queue.enqueue("job-3");

        assertThat(takeJobId()).isEqualTo("job-1");
        assertThat(takeJobId()).isEqualTo("job-2");
        assertThat(takeJobId()).isEqualTo("job-3");
    }

    @Test
    @Timeout(30)
    void takeOnEmptyQueueTimesOutWithEmpty() throws Exception {
        long started = System.nanoTime();

        Optional<QueueLease> lease = queue.take(SHORT_WAIT);

        assertThat(lease).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SHORT_WAIT.minusMillis(20));
    }

    @Test
    @Timeout(30)
    void takeWaitsForAnIdEnqueuedLater() throws Exception {
        CompletableFuture<Optional<QueueLease>> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.take(LONG_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("take was interrupted", e);
            }
        });
        Thread.sleep(100);

        queue.enqueue("job-late");

        assertThat(taken.get()).map(QueueLease::jobId).contains("job-late");
    }

    @Test
    @Timeout(30)
    void sizeCountsWaitingIdsOnly() throws Exception {
        queue.enqueue("job-1");
        queue.enqueue("job-2");
        assertThat(queue.size()).isEqualTo(2);

        QueueLease lease = queue.take(LONG_WAIT).orElseThrow();

        assertThat(queue.size()).isEqualTo(1);
        queue.acknowledge(lease);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void acknowledgedIdIsNotTakenAgain() throws Exception {
        queue.enqueue("job-1");
        QueueLease lease = queue.take(LONG_WAIT).orElseThrow();

        queue.acknowledge(lease);
        queue.acknowledge(lease);

        assertThat(queue.take(SHORT_WAIT)).isEmpty();
        assertThat(queue.size()).isZero();
    }

    private String takeJobId() throws InterruptedException {
        return queue.take(LONG_WAIT).orElseThrow().jobId();
    }
}
