package dev.agenticore.testkit.contract;

import dev.agenticore.core.job.JobStore;
import dev.agenticore.core.memory.InMemoryJobStore;

class InMemoryJobStoreTest extends JobStoreContract {
    @Override
    protected JobStore newStore() {
        return new InMemoryJobStore();
    }
}
