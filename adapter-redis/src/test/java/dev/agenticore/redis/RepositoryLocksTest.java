package dev.agenticore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.workspace.RepositoryLocks;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(30)
class RepositoryLocksTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void secondNodeWaitsForTheFirstNodesFetch() throws Exception {
        RedisSettings settings = RedisSettings.of(REDIS.url()).withKeyPrefix("locks-test");
        try (RedisCluster nodeA = RedisCluster.connect(settings, "node-a", Clock.systemUTC());
                RedisCluster nodeB = RedisCluster.connect(settings, "node-b", Clock.systemUTC())) {
            RepositoryLocks.Held first = nodeA.repositoryLocks().lock("repo-123");
            AtomicBoolean firstReleased = new AtomicBoolean();

            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
                RepositoryLocks.Held held = nodeB.repositoryLocks().lock("repo-123");
                boolean afterFirst = firstReleased.get();
                held.close();
                return afterFirst;
            });
            Thread.sleep(500);
            assertThat(second).isNotDone();
            firstReleased.set(true);
            first.close();

            assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
