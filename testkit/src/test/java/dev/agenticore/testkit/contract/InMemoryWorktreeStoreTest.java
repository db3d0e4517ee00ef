package dev.agenticore.testkit.contract;

import dev.agenticore.core.memory.InMemoryWorktreeStore;
import dev.agenticore.core.workspace.WorktreeStore;

class InMemoryWorktreeStoreTest extends WorktreeStoreContract {
    @Override
    protected WorktreeStore newStore() {
        return new InMemoryWorktreeStore();
    }
}
