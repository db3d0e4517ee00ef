package dev.agenticore.app;

/** Thrown when a configuration value is invalid; the message names the variable and the fix. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the operator. */
    public ConfigException(String message) {
        super(message);
    }

    /** Creates an exception with a message for the operator and its cause. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
