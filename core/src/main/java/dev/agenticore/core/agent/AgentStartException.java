package dev.agenticore.core.agent;

import dev.agenticore.core.AgenticoreException;

/** Thrown when an agent cannot be started; the message says what is missing and how to fix it. */
public class AgentStartException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the operator. */
    public AgentStartException(String message) {
        super(message);
    }

    /** Creates an exception with a message for the operator and the cause it wraps. */
    public AgentStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
