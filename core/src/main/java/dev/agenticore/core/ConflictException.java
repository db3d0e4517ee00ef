package dev.agenticore.core;

/** Thrown when a request conflicts with a record that already exists, such as a reused id. */
public class ConflictException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the conflicting value. */
    public ConflictException(String message) {
        super(message);
    }
}
