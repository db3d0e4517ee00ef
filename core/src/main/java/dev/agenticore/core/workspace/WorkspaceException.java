package dev.agenticore.core.workspace;

import dev.agenticore.core.AgenticoreException;

/** Thrown when a job's working directory cannot be prepared. */
public class WorkspaceException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the job's error field. */
    public WorkspaceException(String message) {
        super(message);
    }

    /** Creates an exception with a message for the job's error field and its cause. */
    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
