package dev.agenticore.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps on the wire: ISO 8601 in UTC with microseconds and an explicit {@code +00:00} offset. */
public final class WireTimestamps {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private WireTimestamps() {}

    /** Formats an instant, for example {@code 2026-03-01T10:00:00.123456+00:00}. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /**
     * Parses an ISO 8601 timestamp with an offset or {@code Z}.
     *
     * @throws java.time.format.DateTimeParseException when the text is not such a timestamp
     */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
