package dev.agenticore.app.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events from a stream as the HTML standard's event-stream format defines them:
 * {@code field: value} lines, comment lines starting with a colon, and a blank line ending each
 * event. Not thread-safe.
 */
public final class EventStreamReader implements Closeable {
    private final BufferedReader reader;

    /** Creates a reader over a UTF-8 event stream. */
    public EventStreamReader(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Reads the next event, skipping comments such as keep-alive lines.
     *
     * @return the event, or null when the stream ended; an event cut off by the end is dropped
     */
    public ServerSentEvent next() throws IOException {
        String id = null;
        String type = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null || type != null) {
                    return new ServerSentEvent(
                            id, type == null ? "message" : type, data == null ? "" : data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> type = value;
                case "data" ->
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                default -> {
                    // The standard says to ignore unknown fields, such as retry.
                }
            }
        }
        return null;
    }

    /** Reads what is left of the stream as text, at most {@code maxChars} characters. */
    public String remainingText(int maxChars) throws IOException {
        char[] buffer = new char[maxChars];
        int length = 0;
        int read;
        while (length < maxChars && (read = reader.read(buffer, length, maxChars - length)) != -1) {
            length += read;
        }
        return new String(buffer, 0, length);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
