package dev.agenticore.core;

/** Thrown when a record that a caller names by id does not exist. */
public class NotFoundException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the kind of record and its id. */
    public NotFoundException(String message) {
        super(message);
    }
}
