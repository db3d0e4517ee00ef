package dev.agenticore.core.job;

import dev.agenticore.core.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lifecycle state of a job. A job moves from queued to running to one of the terminal states. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    EXPIRED;

    /** Returns the lower-case name used on the wire and in stored records. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns true for the states a job never leaves. */
    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }

    /**
     * Parses a wire name.
     *
     * @throws InvalidRequestException naming {@code status} when the value is not one of the six states
     */
    public static JobStatus fromWireName(String value) {
        for (JobStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new InvalidRequestException(
                "status", "status '" + value + "' is invalid; expected one of " + allWireNames());
    }

    /** Returns every wire name, comma separated, for error messages. */
    public static String allWireNames() {
        return Arrays.stream(values()).map(JobStatus::wireName).collect(Collectors.joining(", "));
    }
}
