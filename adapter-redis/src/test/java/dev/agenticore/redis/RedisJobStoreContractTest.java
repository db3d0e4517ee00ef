package dev.agenticore.redis;

import dev.agenticore.core.job.JobStore;
import dev.agenticore.testkit.contract.JobStoreContract;
import dev.agenticore.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJobStoreContractTest extends JobStoreContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @Override
    protected JobStore newStore() {
        return new RedisJobStore(fixture.gateway());
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
