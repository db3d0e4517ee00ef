package dev.agenticore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.job.QueueLease;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XClaimParams;

/** Leases of the Redis queue between two nodes: expiry, renewal and loss. */
@Timeout(60)
class RedisJobQueueLeaseTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void expiredLeaseGoesToAnotherNode() throws Exception {
        RedisJobQueue dead = queue("node-a");
        RedisJobQueue alive = queue("node-b");
        dead.enqueue("job-1");
        QueueLease first = dead.take(WAIT).orElseThrow();
        dead.close();

        Optional<QueueLease> early = alive.take(Duration.ofMillis(200));
        Thread.sleep(LEASE.toMillis() + 200);
        QueueLease second = takeWithin(alive, WAIT);

        assertThat(early).isEmpty();
        assertThat(second.jobId()).isEqualTo("job-1");
        assertThat(second.token()).isEqualTo(first.token());
    }

    @Test
    void renewedLeaseStaysWithItsNode() throws Exception {
        RedisJobQueue owner = queue("node-a");
        RedisJobQueue other = queue("node-b");
        owner.enqueue("job-1");
        owner.take(WAIT).orElseThrow();

        Thread.sleep(LEASE.toMillis() * 3);

        assertThat(other.take(Duration.ofMillis(1500))).isEmpty();
    }

    @Test
    void ownerLearnsWhenItsLeaseWasTaken() throws Exception {
        RedisJobQueue stalled = queue("node-a");
        CopyOnWriteArrayList<String> lost = new CopyOnWriteArrayList<>();
        stalled.onLeaseLost(lost::add);
        stalled.enqueue("job-1");
        QueueLease lease = stalled.take(WAIT).orElseThrow();

        // Another consumer claims the entry, as XAUTOCLAIM does after the owner paused too long.
        fixture.gateway()
                .call(
                        "claim",
                        client -> client.xclaimJustId(
                                "test:queue",
                                "workers",
                                "node-b",
                                0,
                                XClaimParams.xClaimParams(),
                                new StreamEntryID(lease.token())));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (lost.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(lost).containsExactly("job-1");
    }

    @Test
    void acknowledgedEntryIsNotClaimedAgain() throws Exception {
        RedisJobQueue first = queue("node-a");
        RedisJobQueue second = queue("node-b");
        first.enqueue("job-1");
        first.acknowledge(first.take(WAIT).orElseThrow());
        first.close();

        Thread.sleep(LEASE.toMillis() + 200);

        assertThat(second.take(Duration.ofMillis(1200))).isEmpty();
        assertThat(second.size()).isZero();
    }

    private RedisJobQueue queue(String consumer) {
        return fixture.track(new RedisJobQueue(fixture.gateway(LEASE), consumer));
    }

    /** Takes repeatedly, because expired leases are looked for at most once a second. */
    private static QueueLease takeWithin(RedisJobQueue queue, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<QueueLease> lease = queue.take(Duration.ofMillis(200));
            if (lease.isPresent()) {
                return lease.get();
            }
        }
        throw new AssertionError("no lease within " + timeout);
    }
}
