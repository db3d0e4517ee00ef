package dev.agenticore.redis;

import dev.agenticore.core.event.JobEventLog;
import dev.agenticore.testkit.contract.JobEventLogContract;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJobEventLogContractTest extends JobEventLogContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @Override
    protected JobEventLog newLog(Clock clock) {
        return new RedisJobEventLog(fixture.gateway(), clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
