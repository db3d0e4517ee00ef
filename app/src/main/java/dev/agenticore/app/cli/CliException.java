package dev.agenticore.app.cli;

/**
 * A failure that ends a client command with a one-line message on standard error and an exit code:
 * {@link #USAGE} for invalid arguments, {@link #FAILURE} for server, connection and job failures.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code of a command that failed on the server, on the network or in the job. */
    public static final int FAILURE = 1;

    /** Exit code of a command called with invalid arguments. */
    public static final int USAGE = 2;

    private final int exitCode;

    /** Creates a failure with the message printed after {@code Error: }. */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Returns a failure for an invalid argument. */
    public static CliException usage(String message) {
        return new CliException(USAGE, message);
    }

    /** Returns a failure of the server, the network or the job. */
    public static CliException failure(String message) {
        return new CliException(FAILURE, message);
    }

    /** Returns the process exit code. */
    public int exitCode() {
        return exitCode;
    }
}
