package dev.agenticore.redis;

import dev.agenticore.core.workspace.WorktreeStore;
import dev.agenticore.testkit.contract.WorktreeStoreContract;
import dev.agenticore.testkit.redis.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisWorktreeStoreContractTest extends WorktreeStoreContract {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisFixture fixture = new RedisFixture(REDIS);

    @Override
    protected WorktreeStore newStore() {
        return new RedisWorktreeStore(fixture.gateway());
    }

    @AfterEach
    void close() {
        fixture.close();
    }
}
