package dev.agenticore.claude;

import java.nio.charset.StandardCharsets;

/** The last bytes written to a stream, such as a process's standard error. Thread-safe. */
final class TailBuffer {
    private final byte[] ring;
    private long written;

    /** Creates a buffer that keeps the last {@code capacity} bytes. */
    TailBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.ring = new byte[capacity];
    }

    /** Appends {@code length} bytes of {@code bytes} from {@code offset}. */
    synchronized void append(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (written % ring.length)] = bytes[offset + i];
            written++;
        }
    }

    /**
     * Returns the kept bytes decoded as UTF-8, with invalid bytes replaced, and without the leading
     * replacement characters that a character cut at the start of the buffer leaves behind.
     */
    synchronized String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] ordered = new byte[size];
        int start = (int) ((written - size) % ring.length);
        for (int i = 0; i < size; i++) {
            ordered[i] = ring[(start + i) % ring.length];
        }
        String decoded = new String(ordered, StandardCharsets.UTF_8);
        int first = 0;
        while (written > ring.length && first < decoded.length() && decoded.charAt(first) == '\uFFFD') {
            first++;
        }
        return decoded.substring(first);
    }
}
