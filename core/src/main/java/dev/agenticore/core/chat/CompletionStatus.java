package dev.agenticore.core.chat;

import dev.agenticore.core.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Status of a completion: queued, then running, then completed or failed. */
public enum CompletionStatus {
    /** Accepted and waiting for a free agent slot. */
    QUEUED,
    /** The agent is running. */
    RUNNING,
    /** The agent finished without an error. */
    COMPLETED,
    /** The agent or the server reported an error. */
    FAILED;

    /** Returns the lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether the completion has ended. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    /**
     * Returns the status with a wire name.
     *
     * @throws InvalidRequestException naming {@code status} and the valid values
     */
    public static CompletionStatus fromWireName(String value) {
        for (CompletionStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new InvalidRequestException(
                "status",
                "status '" + value + "' is invalid; use one of "
                        + Arrays.stream(values())
                                .map(CompletionStatus::wireName)
                                .collect(Collectors.joining(", ")));
    }
}
