package dev.agenticore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(30)
class RedisLocksTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void heldLockExcludesOtherHolders() {
        RedisLocks nodeA = new RedisLocks(fixture.gateway());
        RedisLocks nodeB = new RedisLocks(fixture.gateway());

        Optional<RedisLocks.Lock> first = nodeA.tryAcquire("repo:abc", Duration.ofSeconds(30));
        Optional<RedisLocks.Lock> second = nodeB.tryAcquire("repo:abc", Duration.ofSeconds(30));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
    }

    @Test
    void releasedLockCanBeTakenAgain() {
        RedisLocks locks = new RedisLocks(fixture.gateway());
        RedisLocks.Lock lock =
                locks.tryAcquire("repo:abc", Duration.ofSeconds(30)).orElseThrow();

        assertThat(lock.release()).isTrue();

        assertThat(locks.tryAcquire("repo:abc", Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void expiredLockIgnoresFormerHolder() throws Exception {
        RedisLocks locks = new RedisLocks(fixture.gateway());
        RedisLocks.Lock expired =
                locks.tryAcquire("repo:abc", Duration.ofMillis(100)).orElseThrow();
        Thread.sleep(200);
        RedisLocks.Lock current =
                locks.tryAcquire("repo:abc", Duration.ofSeconds(30)).orElseThrow();

        boolean released = expired.release();

        assertThat(released).isFalse();
        assertThat(locks.tryAcquire("repo:abc", Duration.ofSeconds(30))).isEmpty();
        assertThat(current.release()).isTrue();
    }

    @Test
    void renewExtendsHeldLock() throws Exception {
        RedisLocks locks = new RedisLocks(fixture.gateway());
        RedisLocks.Lock lock =
                locks.tryAcquire("conversation:abc", Duration.ofMillis(200)).orElseThrow();

        boolean renewed = lock.renew(Duration.ofSeconds(30));
        Thread.sleep(400);

        assertThat(renewed).isTrue();
        assertThat(locks.tryAcquire("conversation:abc", Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void renewIgnoresFormerHolder() throws Exception {
        RedisLocks locks = new RedisLocks(fixture.gateway());
        RedisLocks.Lock expired =
                locks.tryAcquire("conversation:abc", Duration.ofMillis(100)).orElseThrow();
        Thread.sleep(200);
        locks.tryAcquire("conversation:abc", Duration.ofMillis(500)).orElseThrow();

        boolean renewed = expired.renew(Duration.ofSeconds(30));

        assertThat(renewed).isFalse();
        long remaining = Long.parseLong(
                REDIS.command("PTTL", "test:lock:conversation:abc").substring(1));
        assertThat(remaining).isBetween(1L, 500L);
    }

    @Test
    void acquireWaitsForRelease() throws Exception {
        RedisLocks locks = new RedisLocks(fixture.gateway());
        RedisLocks.Lock held =
                locks.tryAcquire("repo:abc", Duration.ofSeconds(30)).orElseThrow();
        Thread releaser = new Thread(() -> {
            sleep(300);
            held.release();
        });
        releaser.start();

        Optional<RedisLocks.Lock> waited = locks.acquire("repo:abc", Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThat(waited).isPresent();
        releaser.join();
    }

    @Test
    void keyCarriesThePrefix() throws Exception {
        new RedisLocks(fixture.gateway()).tryAcquire("repo:abc", Duration.ofSeconds(30));

        assertThat(REDIS.command("EXISTS", "test:lock:repo:abc")).isEqualTo(":1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
