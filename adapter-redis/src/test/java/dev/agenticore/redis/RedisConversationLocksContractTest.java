package dev.agenticore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.chat.ConversationLocks;
import dev.agenticore.testkit.contract.ConversationLocksContract;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conversation locks of several nodes, each with a gateway of its own, on one real Redis
 * server: the contract, then expiry, renewal and ownership of the lock key.
 */
class RedisConversationLocksContractTest extends ConversationLocksContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration SHORT_EXPIRY = Duration.ofMillis(300);
    private static final String LOCK_KEY = "test:lock:conversation:" + KEY;

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @Override
    protected ConversationLocks newNode() {
        return node(RedisConversationLocks.DEFAULT_EXPIRY);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void lockKeyCarriesPrefixAndExpiry() throws Exception {
        newNode().tryLock(KEY).orElseThrow();

        long remaining = Long.parseLong(REDIS.command("PTTL", LOCK_KEY).substring(1));

        assertThat(remaining).isPositive();
        assertThat(remaining).isLessThanOrEqualTo(RedisConversationLocks.DEFAULT_EXPIRY.toMillis());
    }

    @Test
    void renewalKeepsLockPastExpiry() throws Exception {
        RedisConversationLocks nodeA = node(SHORT_EXPIRY);
        ConversationLocks nodeB = newNode();
        nodeA.tryLock(KEY).orElseThrow();

        Thread.sleep(SHORT_EXPIRY.toMillis() * 4);

        assertThat(nodeB.tryLock(KEY)).isEmpty();
        assertThat(REDIS.command("EXISTS", LOCK_KEY)).isEqualTo(":1");
    }

    @Test
    void crashedNodeLockExpires() throws Exception {
        RedisConversationLocks nodeA = node(SHORT_EXPIRY);
        ConversationLocks nodeB = newNode();
        nodeA.tryLock(KEY).orElseThrow();

        nodeA.close();
        Optional<ConversationLocks.Held> atOnce = nodeB.tryLock(KEY);
        Optional<ConversationLocks.Held> later = awaitLock(nodeB, Duration.ofSeconds(5));

        assertThat(atOnce).isEmpty();
        assertThat(later).isPresent();
    }

    @Test
    void expiredHolderCannotReleaseNext() throws Exception {
        RedisConversationLocks nodeA = node(SHORT_EXPIRY);
        ConversationLocks nodeB = newNode();
        ConversationLocks.Held expired = nodeA.tryLock(KEY).orElseThrow();
        nodeA.close();
        awaitLock(nodeB, Duration.ofSeconds(5)).orElseThrow();

        expired.close();

        assertThat(REDIS.command("EXISTS", LOCK_KEY)).isEqualTo(":1");
        assertThat(newNode().tryLock(KEY)).isEmpty();
    }

    private RedisConversationLocks node(Duration expiry) {
        return fixture.track(new RedisConversationLocks(new RedisLocks(fixture.gateway()), expiry));
    }

    /** Tries to take the lock of {@link #KEY} every 50 ms until it is free or the timeout passes. */
    private static Optional<ConversationLocks.Held> awaitLock(ConversationLocks node, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<ConversationLocks.Held> lock = node.tryLock(KEY);
        while (lock.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            lock = node.tryLock(KEY);
        }
        return lock;
    }
}
