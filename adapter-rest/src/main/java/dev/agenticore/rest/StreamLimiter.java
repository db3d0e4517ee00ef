package dev.agenticore.rest;

import dev.agenticore.core.CapacityExceededException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Caps the number of long-lived streaming responses (server-sent events) open at once. Each such
 * stream keeps a server thread for as long as the client stays connected, so without a cap a few
 * hundred idle clients could take every thread and leave no room for {@code /health} or anything
 * else. Thread-safe.
 */
public final class StreamLimiter {
    private final Semaphore permits;
    private final int limit;

    /** Creates a limiter that admits at most {@code limit} streams at once. */
    public StreamLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the stream limit must be at least 1, got " + limit);
        }
        this.permits = new Semaphore(limit);
        this.limit = limit;
    }

    /**
     * Admits one stream; the caller must call {@link #release()} when the stream ends.
     *
     * @throws CapacityExceededException when {@code limit} streams are open
     */
    public void acquire() {
        if (!permits.tryAcquire()) {
            throw new CapacityExceededException(
                    "too many open event streams (" + limit + "); close one or retry later", Duration.ofSeconds(5));
        }
    }

    /** Ends one admitted stream. */
    public void release() {
        permits.release();
    }

    /** Returns the number of streams open now. */
    public int open() {
        return limit - permits.availablePermits();
    }
}
