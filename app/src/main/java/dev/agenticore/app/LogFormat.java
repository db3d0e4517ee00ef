package dev.agenticore.app;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * Logback property definer that names the appender to use: {@code json} when {@code
 * AGENTICORE_LOG_FORMAT} is {@code json} (any case), {@code text} otherwise, so that an unknown
 * value still logs. Read once when logback configures itself.
 */
public final class LogFormat extends PropertyDefinerBase {
    /** Environment variable that selects the format. */
    public static final String VARIABLE = "AGENTICORE_LOG_FORMAT";

    @Override
    public String getPropertyValue() {
        return select(System.getenv(VARIABLE));
    }

    /** Returns {@code json} or {@code text} for a configured value, which may be null. */
    static String select(String configured) {
        return configured != null && configured.trim().toLowerCase(Locale.ROOT).equals("json") ? "json" : "text";
    }
}
