package dev.agenticore.redis;

import dev.agenticore.core.chat.ConversationStore;
import dev.agenticore.testkit.contract.ConversationStoreContract;
import dev.agenticore.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisConversationStoreContractTest extends ConversationStoreContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @Override
    protected ConversationStore newStore() {
        return new RedisConversationStore(fixture.gateway());
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
