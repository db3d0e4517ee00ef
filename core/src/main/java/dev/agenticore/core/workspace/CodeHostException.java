package dev.agenticore.core.workspace;

import dev.agenticore.core.AgenticoreException;

/** Thrown when the code host rejects or fails a request; the message holds its status and reason. */
public class CodeHostException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the job's error field. */
    public CodeHostException(String message) {
        super(message);
    }

    /** Creates an exception with a message and its cause. */
    public CodeHostException(String message, Throwable cause) {
        super(message, cause);
    }
}
