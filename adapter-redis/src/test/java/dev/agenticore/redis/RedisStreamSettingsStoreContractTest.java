package dev.agenticore.redis;

import dev.agenticore.core.chat.StreamSettingsStore;
import dev.agenticore.testkit.contract.StreamSettingsStoreContract;
import dev.agenticore.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisStreamSettingsStoreContractTest extends StreamSettingsStoreContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @Override
    protected StreamSettingsStore newStore() {
        return new RedisStreamSettingsStore(fixture.gateway());
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
