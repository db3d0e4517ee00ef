package dev.agenticore.testkit.contract;

import dev.agenticore.core.chat.CompletionStore;
import dev.agenticore.core.memory.InMemoryCompletionStore;

class InMemoryCompletionStoreTest extends CompletionStoreContract {
    @Override
    protected CompletionStore newStore() {
        return new InMemoryCompletionStore();
    }
}
