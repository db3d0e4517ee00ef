package dev.agenticore.core;

import java.time.Duration;

/** Thrown when Agenticore cannot take more work now; the caller should retry after a while. */
public class CapacityExceededException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** Creates an exception with a message and a hint for when to retry. */
    public CapacityExceededException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Returns how long the caller should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
