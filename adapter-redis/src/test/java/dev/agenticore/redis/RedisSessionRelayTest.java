package dev.agenticore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.testkit.redis.RedisServerExtension;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two nodes' session relays on a real redis-server. */
@Timeout(30)
class RedisSessionRelayTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);
    private final BlockingQueue<List<String>> receivedByA = new LinkedBlockingQueue<>();
    private RedisSessionRelay nodeA;
    private RedisSessionRelay nodeB;

    @BeforeEach
    void start() throws Exception {
        nodeA = new RedisSessionRelay(fixture.gateway(), "node-a");
        nodeB = new RedisSessionRelay(fixture.gateway(), "node-b");
        nodeA.receive((sessionId, message) -> receivedByA.add(List.of(sessionId, message)));
        nodeA.start();
        nodeB.start();
        awaitSubscribed(nodeA);
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        fixture.close();
    }

    @Test
    void forwardedMessageReachesTheHolder() throws Exception {
        nodeA.claim("s-1");

        boolean delivered = nodeB.forward("s-1", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");

        assertThat(delivered).isTrue();
        assertThat(receivedByA.poll(5, TimeUnit.SECONDS))
                .containsExactly("s-1", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    }

    @Test
    void ownerSeesItsSessionAsLocal() {
        nodeA.claim("s-2");

        assertThat(nodeA.isOwnedElsewhere("s-2")).isFalse();
        assertThat(nodeB.isOwnedElsewhere("s-2")).isTrue();
        assertThat(nodeA.forward("s-2", "{}")).isFalse();
    }

    @Test
    void releasedSessionIsUnknown() {
        nodeA.claim("s-3");

        nodeA.release("s-3");

        assertThat(nodeB.isOwnedElsewhere("s-3")).isFalse();
        assertThat(nodeB.forward("s-3", "{}")).isFalse();
    }

    @Test
    void unknownSessionIsNotForwarded() {
        assertThat(nodeB.isOwnedElsewhere("never-opened")).isFalse();
        assertThat(nodeB.forward("never-opened", "{}")).isFalse();
        assertThat(nodeB.isOwnedElsewhere("")).isFalse();
    }

    @Test
    void sessionOfSilentNodeIsNotTaken() {
        RedisSessionRelay silent = new RedisSessionRelay(fixture.gateway(), "node-c");
        silent.claim("s-4");

        boolean delivered = nodeB.forward("s-4", "{}");

        assertThat(delivered).isFalse();
        silent.close();
    }

    @Test
    void closedNodeWithdrawsItsSessions() {
        nodeA.claim("s-5");
        nodeA.claim("s-6");

        nodeA.close();

        assertThat(nodeB.isOwnedElsewhere("s-5")).isFalse();
        assertThat(nodeB.isOwnedElsewhere("s-6")).isFalse();
    }

    @Test
    void messageForReleasedSessionIsDropped() throws Exception {
        nodeA.claim("s-7");
        nodeA.release("s-7");
        RedisSessionRelay stale = new RedisSessionRelay(fixture.gateway(), "node-b");
        fixture.gateway()
                .call(
                        "fake a stale key",
                        client -> client.set(fixture.gateway().keys().session("s-7"), nodeA.instance()));

        boolean delivered = stale.forward("s-7", "{}");

        assertThat(delivered).isTrue();
        assertThat(receivedByA.poll(500, TimeUnit.MILLISECONDS)).isNull();
        stale.close();
    }

    @Test
    void restartedNodeSkipsOldSessions() throws Exception {
        RedisSessionRelay before = new RedisSessionRelay(fixture.gateway(), "node-r");
        before.start();
        before.claim("s-8");
        RedisSessionRelay after = new RedisSessionRelay(fixture.gateway(), "node-r");
        after.start();
        before.close();
        // A crash ends the process without withdrawing its keys, so one is written back here.
        fixture.gateway()
                .call(
                        "keep the key of the crashed process",
                        client -> client.set(fixture.gateway().keys().session("s-8"), before.instance()));

        boolean delivered = nodeB.forward("s-8", "{}");

        assertThat(delivered).isFalse();
        after.close();
    }

    /** Waits until a node's subscriber listens on its channel, so a publish reaches it. */
    private static void awaitSubscribed(RedisSessionRelay relay) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!relay.isSubscribed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(relay.isSubscribed()).as("subscribed").isTrue();
    }
}
