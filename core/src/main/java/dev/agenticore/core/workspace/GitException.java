package dev.agenticore.core.workspace;

import dev.agenticore.core.AgenticoreException;

/** Thrown when a git operation fails; the message names the repository and never a credential. */
public class GitException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the job's error field. */
    public GitException(String message) {
        super(message);
    }

    /** Creates an exception with a message for the job's error field and the library's exception. */
    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
