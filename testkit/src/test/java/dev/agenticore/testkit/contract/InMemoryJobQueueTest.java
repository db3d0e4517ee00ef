package dev.agenticore.testkit.contract;

import dev.agenticore.core.job.JobQueue;
import dev.agenticore.core.memory.InMemoryJobQueue;

class InMemoryJobQueueTest extends JobQueueContract {
    @Override
    protected JobQueue newQueue() {
        return new InMemoryJobQueue();
    }
}
