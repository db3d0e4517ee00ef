package dev.agenticore.core;

/**
 * Thrown when a store cannot read or write its records, for example because a disk is full or a
 * Redis server is unreachable. The request may succeed when retried later.
 */
public class StorageException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception that keeps the storage library's exception as its cause. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
