package dev.agenticore.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.WireTimestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Formatting of values for tables and progress lines. */
public final class TextFormat {
    private static final String ELLIPSIS = "...";

    private TextFormat() {}

    /** Joins the lines of {@code text} with spaces and cuts it to {@code maxLength} characters, ending in "...". */
    public static String truncate(String text, int maxLength) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= maxLength) {
            return line;
        }
        return line.substring(0, Math.max(0, maxLength - ELLIPSIS.length())) + ELLIPSIS;
    }

    /** Returns the text of a field, or empty when it is missing or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** Parses a timestamp field, or returns null when it is missing or not a timestamp. */
    public static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return WireTimestamps.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Returns how long ago {@code time} was, for example {@code 5m ago}, or empty for null. */
    public static String ago(Instant time, Instant now) {
        if (time == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(time, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h ago";
        }
        return seconds / 86_400 + "d ago";
    }

    /** Formats a duration as {@code m:ss}, or {@code h:mm:ss} from one hour on. */
    public static String elapsed(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** Formats a cost in US dollars with four decimals, for example {@code $0.0123}. */
    public static String dollars(double amount) {
        return String.format(Locale.ROOT, "$%.4f", amount);
    }

    /** Formats a size in bytes with a binary unit, for example {@code 1.5 MiB}. */
    public static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
