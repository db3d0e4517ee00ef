package dev.agenticore.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads newline-terminated lines from a file channel with positional reads. */
final class JsonLines {
    private static final int BUFFER_BYTES = 64 * 1024;

    private JsonLines() {}

    /** Receives one complete line. */
    @FunctionalInterface
    interface LineConsumer {
        /**
         * Accepts a line.
         *
         * @param offset file position of the line's first byte
         * @param line the line's bytes without the newline
         * @return whether to continue with the next line
         */
        boolean accept(long offset, byte[] line);
    }

    /**
     * Passes each complete line between two positions to the consumer. Bytes after the last
     * newline, such as a line torn by a crash, are not passed.
     *
     * @return the position after the last line passed, or {@code from} when none was
     */
    static long scan(FileChannel channel, long from, long to, LineConsumer consumer) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long position = from;
        long lineStart = from;
        while (position < to) {
            buffer.clear();
            buffer.limit((int) Math.min(BUFFER_BYTES, to - position));
            int read = channel.read(buffer, position);
            if (read <= 0) {
                break;
            }

            byte[] bytes = buffer.array();
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                line.write(bytes, start, i - start);
                long next = position + i + 1;
                if (!consumer.accept(lineStart, line.toByteArray())) {
                    return next;
                }
                lineStart = next;
                start = i + 1;
                line.reset();
            }
            line.write(bytes, start, read - start);
            position += read;
        }
        return lineStart;
    }
}
