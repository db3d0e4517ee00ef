package dev.agenticore.redis;

import dev.agenticore.core.chat.CompletionStore;
import dev.agenticore.testkit.contract.CompletionStoreContract;
import dev.agenticore.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCompletionStoreContractTest extends CompletionStoreContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @Override
    protected CompletionStore newStore() {
        return new RedisCompletionStore(fixture.gateway());
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
