package dev.agenticore.core;

/**
 * Base of every exception that Agenticore's core throws on purpose. Adapters map its subclasses to
 * their protocol (an HTTP status, an MCP error result) in one place each.
 */
public class AgenticoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the caller. */
    public AgenticoreException(String message) {
        super(message);
    }

    /** Creates an exception with a message for the caller and the cause it wraps. */
    public AgenticoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
