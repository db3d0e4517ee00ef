package dev.agenticore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapters while Redis is stopped and after it is back, and the signals between nodes. */
@Timeout(60)
class RedisOutageTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @AfterEach
    void close() throws Exception {
        fixture.close();
        REDIS.start();
    }

    @Test
    void unreachableRedisThrowsStorageExceptionAndRecovers() throws Exception {
        RedisGateway gateway = fixture.gateway();
        RedisJobStore store = new RedisJobStore(gateway);
        Job job = job();
        store.create(job);

        REDIS.stop();

        assertThatThrownBy(() -> store.find(job.id()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("unreachable");
        assertThat(gateway.ping()).isFalse();
        REDIS.start();
        Job next = job();
        store.create(next);
        assertThat(store.find(next.id())).contains(next);
        assertThat(gateway.ping()).isTrue();
    }

    @Test
    void dataSurvivesRestartWithSnapshot() throws Exception {
        RedisJobStore store = new RedisJobStore(fixture.gateway());
        Job job = job();
        store.create(job);

        REDIS.restart(Duration.ofMillis(500));

        assertThat(store.find(job.id())).contains(job);
    }

    @Test
    void cancelReachesEveryNode() throws Exception {
        CopyOnWriteArrayList<String> stoppedOnB = new CopyOnWriteArrayList<>();
        RedisSignals nodeA = fixture.track(new RedisSignals(fixture.gateway(), id -> {}, id -> {}).start());
        RedisSignals nodeB = fixture.track(new RedisSignals(fixture.gateway(), stoppedOnB::add, id -> {}).start());
        awaitSubscribed(nodeA);
        awaitSubscribed(nodeB);

        new RedisRunningJobs(id -> {}, nodeA).stop("job-9");

        awaitSize(stoppedOnB, 1);
        assertThat(stoppedOnB).containsExactly("job-9");
    }

    @Test
    void appendedEventWakesOtherNodes() throws Exception {
        CopyOnWriteArrayList<String> woken = new CopyOnWriteArrayList<>();
        RedisSignals reader = fixture.track(new RedisSignals(fixture.gateway(), id -> {}, woken::add).start());
        awaitSubscribed(reader);

        new RedisJobEventLog(fixture.gateway(), Clock.systemUTC()).append("job-3", new AgentEvent.TextDelta("hi"));

        awaitSize(woken, 1);
        assertThat(woken).containsExactly("job-3");
    }

    private static Job job() {
        return Job.builder()
                .id(UUID.randomUUID().toString())
                .task("task")
                .profile("code")
                .status(JobStatus.QUEUED)
                .createdAt(Instant.parse("2026-03-01T10:00:00Z"))
                .build();
    }

    private static void awaitSubscribed(RedisSignals signals) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!signals.isSubscribed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(signals.isSubscribed()).as("subscribed within 5 s").isTrue();
    }

    private static void awaitSize(java.util.List<String> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
