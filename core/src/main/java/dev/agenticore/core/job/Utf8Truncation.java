package dev.agenticore.core.job;

import java.nio.charset.StandardCharsets;

/**
 * Shortens text to a number of UTF-8 bytes, keeping the end, where agents put their conclusion, and
 * starting with a note that says how much was cut. Never splits a character.
 */
public final class Utf8Truncation {
    private Utf8Truncation() {}

    /**
     * Returns {@code text} unchanged when it fits in {@code maxBytes} bytes of UTF-8, else a note
     * followed by the longest tail that fits with it. Null stays null.
     */
    public static String keepEnd(String text, int maxBytes) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int reserved = note(bytes.length, maxBytes).getBytes(StandardCharsets.UTF_8).length;
        int start = bytes.length - Math.max(maxBytes - reserved, 0);
        while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
            start++;
        }
        return note(start, maxBytes) + new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    private static String note(int cutBytes, int maxBytes) {
        return "[truncated: the first " + cutBytes + " bytes were cut to fit " + maxBytes + " bytes]\n";
    }
}
