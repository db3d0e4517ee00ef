package dev.agenticore.core;

/** Thrown when a request carries a value that Agenticore rejects; the message names the field. */
public class InvalidRequestException extends AgenticoreException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates an exception for one invalid field.
     *
     * @param field the request field at fault, in its wire name (for example {@code base_ref})
     * @param message the full message, which names the field, the value and the fix
     */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the wire name of the field at fault. */
    public String field() {
        return field;
    }
}
