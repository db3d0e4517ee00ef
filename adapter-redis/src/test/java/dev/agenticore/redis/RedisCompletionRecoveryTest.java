package dev.agenticore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentStartException;
import dev.agenticore.core.chat.AgentModeSettings;
import dev.agenticore.core.chat.Completion;
import dev.agenticore.core.chat.CompletionService;
import dev.agenticore.core.chat.CompletionStatus;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up recovery of completions on a shared Redis store, with node liveness read from the
 * heartbeat keys. A starting node fails its own leftovers and those of a node whose heartbeat has
 * lapsed. It leaves the completions of a node with a current heartbeat alone.
 */
@Timeout(30)
class RedisCompletionRecoveryTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration HEARTBEAT = Duration.ofMillis(100);

    @TempDir
    Path temp;

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void recoveryFailsOnlyStoppedNodes() throws Exception {
        RedisGateway gateway = fixture.gateway();
        RedisCompletionStore store = new RedisCompletionStore(gateway);
        RedisNode running = fixture.track(startNode(gateway, "node-b"));
        RedisNode stopped = startNode(gateway, "node-c");
        awaitHeartbeat(running, "node-b", true);
        awaitHeartbeat(stopped, "node-c", true);
        stopped.close();
        awaitHeartbeat(running, "node-c", false);
        Instant now = Instant.now();
        store.create(Completion.queued("a-queued", "m", "", "node-a", now));
        store.create(Completion.queued("b-queued", "m", "", "node-b", now));
        store.create(Completion.queued("b-running", "m", "", "node-b", now).running(now));
        store.create(Completion.queued("c-running", "m", "", "node-c", now).running(now));
        RedisCluster cluster = fixture.track(RedisCluster.connect(gateway.settings(), "node-a", Clock.systemUTC()));

        int failed;
        try (CompletionService service = service(store, cluster)) {
            failed = service.recover();
        }

        assertThat(failed).isEqualTo(2);
        assertThat(store.find("a-queued").orElseThrow().status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(store.find("b-queued").orElseThrow().status()).isEqualTo(CompletionStatus.QUEUED);
        assertThat(store.find("b-running").orElseThrow().status()).isEqualTo(CompletionStatus.RUNNING);
        Completion lost = store.find("c-running").orElseThrow();
        assertThat(lost.status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(lost.error()).contains("node node-c ");
        assertThat(store.list(CompletionStatus.FAILED, 10))
                .extracting(Completion::uuid)
                .containsExactlyInAnyOrder("a-queued", "c-running");
    }

    private CompletionService service(RedisCompletionStore store, RedisCluster cluster) {
        AgentModeSettings settings = new AgentModeSettings(
                "anton-agent", "anton", temp, temp.resolve("runs"), Duration.ofSeconds(10), true, 1);
        Profile profile = new Profile(
                "code", "", "sonnet", 5, false, false, "", "", "", Duration.ofMinutes(1), Map.of(), List.of());
        return new CompletionService(
                settings,
                "node-a",
                cluster::isNodeAlive,
                (invocation, listener) -> {
                    throw new AgentStartException("recovery starts no agent", null);
                },
                () -> profile,
                new AgentCapacity(1),
                store,
                Clock.systemUTC());
    }

    private static RedisNode startNode(RedisGateway gateway, String name) {
        RedisNode node = new RedisNode(gateway, name, HEARTBEAT, Clock.systemUTC());
        node.start(new IdleWorker(), new RedisJobStore(gateway));
        return node;
    }

    /** Waits until the heartbeat of {@code name} exists when {@code present} is true, or has lapsed when false. */
    private static void awaitHeartbeat(RedisNode reader, String name, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reader.status(name).isPresent() != present && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(reader.status(name).isPresent())
                .as("heartbeat of " + name + " present")
                .isEqualTo(present);
    }

    /** A job worker that runs no jobs. */
    private static final class IdleWorker implements LocalWorker {
        @Override
        public int runningCount() {
            return 0;
        }

        @Override
        public Set<String> runningJobIds() {
            return Set.of();
        }

        @Override
        public void setDraining(boolean draining) {}

        @Override
        public void stop(String jobId) {}
    }
}
