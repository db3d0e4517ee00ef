package dev.agenticore.claude;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8 text, replacing invalid bytes, from a stream. A line longer than the limit
 * is reported by its length only, so one runaway line cannot exhaust memory. Not thread-safe.
 */
final class LineReader {
    private final InputStream input;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int limit;

    /** Creates a reader over {@code input} that keeps lines of at most {@code maxLineBytes} bytes. */
    LineReader(InputStream input, int maxLineBytes) {
        this.input = input;
        this.maxLineBytes = maxLineBytes;
    }

    /** A line read from the stream; {@code text} is null when the line was too long to keep. */
    record Line(String text, long length) {
        boolean tooLong() {
            return text == null;
        }
    }

    /**
     * Reads the next line without its {@code \n} or {@code \r\n} ending.
     *
     * @return the line, or null at the end of the stream
     * @throws IOException when reading fails
     */
    Line next() throws IOException {
        line.reset();
        long length = 0;
        while (true) {
            if (position == limit) {
                int read = input.read(buffer);
                if (read < 0) {
                    return length == 0 ? null : finish(length);
                }
                position = 0;
                limit = read;
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            int count = end - position;
            if (length + count <= maxLineBytes) {
                line.write(buffer, position, count);
            } else {
                line.reset();
            }
            length += count;
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                return finish(length);
            }
        }
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Line finish(long length) {
        if (length > maxLineBytes) {
            return new Line(null, length);
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        return new Line(new String(bytes, 0, end, StandardCharsets.UTF_8), length);
    }
}
