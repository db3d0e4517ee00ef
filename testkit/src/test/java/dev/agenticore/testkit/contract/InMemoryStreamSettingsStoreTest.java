package dev.agenticore.testkit.contract;

import dev.agenticore.core.chat.StreamSettingsStore;
import dev.agenticore.core.memory.InMemoryStreamSettingsStore;

class InMemoryStreamSettingsStoreTest extends StreamSettingsStoreContract {
    @Override
    protected StreamSettingsStore newStore() {
        return new InMemoryStreamSettingsStore();
    }
}
