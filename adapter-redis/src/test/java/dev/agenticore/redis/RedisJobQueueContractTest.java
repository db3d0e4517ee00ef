package dev.agenticore.redis;

import dev.agenticore.core.job.JobQueue;
import dev.agenticore.testkit.contract.JobQueueContract;
import dev.agenticore.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJobQueueContractTest extends JobQueueContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @Override
    protected JobQueue newQueue() {
        return fixture.track(new RedisJobQueue(fixture.gateway(), "node-1"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
