package dev.agenticore.core.agent;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The number of agent processes that this node may run at once, shared by everything that starts
 * agents: the job worker and the chat and completion services. Each running agent holds one permit
 * from before it starts until it has ended. Thread-safe.
 */
public final class AgentCapacity {
    private final int limit;
    private final Semaphore permits;

    /**
     * Creates a gate with {@code limit} permits.
     *
     * @throws IllegalArgumentException when the limit is below 1
     */
    public AgentCapacity(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the agent limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
    }

    /** Takes a permit when one is free and returns whether it did, without waiting. */
    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    /**
     * Takes a permit, waiting up to {@code timeout} for one to be released.
     *
     * @return whether a permit was taken
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Returns a permit taken earlier. Each permit must be returned once, because a second release adds a permit. */
    public void release() {
        permits.release();
    }

    /** Returns the number of permits in all. */
    public int limit() {
        return limit;
    }

    /** Returns the number of permits taken now. */
    public int inUse() {
        return limit - permits.availablePermits();
    }
}
