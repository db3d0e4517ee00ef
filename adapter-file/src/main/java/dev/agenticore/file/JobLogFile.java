package dev.agenticore.file;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.event.JobEvent;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event file of one job and the position of each of its lines, so a read seeks to the first
 * requested event instead of parsing the file from the start. Not thread-safe: {@link
 * FileJobEventLog} calls it under the object's monitor.
 */
final class JobLogFile {
    private static final Logger log = LoggerFactory.getLogger(JobLogFile.class);

    private final Path file;
    private boolean loaded;
    private boolean deleted;
    private long lastSequence;
    private long validLength;
    private long[] sequences = new long[16];
    private long[] offsets = new long[16];
    private int size;

    JobLogFile(Path file) {
        this.file = file;
    }

    /** Returns whether {@link #delete()} ran, after which this object must not be used. */
    boolean isDeleted() {
        return deleted;
    }

    /** Appends an event with the next sequence number, first dropping a torn last line. */
    JobEvent append(Instant time, AgentEvent event) throws IOException {
        ensureLoaded();

        long sequence = lastSequence + 1;
        byte[] json = Json.mapper().writeValueAsBytes(new EventLine(sequence, time, event));
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n');
        line.flip();

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            prepareForAppend(channel);
            long offset = validLength;
            while (line.hasRemaining()) {
                channel.write(line, offset + line.position());
            }
            add(sequence, offset);
            validLength = offset + line.limit();
        }
        lastSequence = sequence;
        return new JobEvent(sequence, time, event);
    }

    /** Reads up to {@code limit} events with a sequence number above {@code afterSequence}. */
    List<JobEvent> read(long afterSequence, int limit) throws IOException {
        ensureLoaded();

        int first = firstIndexAfter(afterSequence);
        if (first >= size || limit <= 0) {
            return List.of();
        }

        List<JobEvent> events = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int[] next = {first};
            JsonLines.scan(channel, offsets[first], validLength, (offset, bytes) -> {
                if (offset == offsets[next[0]]) {
                    parse(bytes).ifPresent(line -> events.add(new JobEvent(line.seq(), line.time(), line.event())));
                    next[0]++;
                }
                return next[0] < size && events.size() < limit;
            });
        }
        return events;
    }

    /** Deletes the file and marks this object as deleted. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
        deleted = true;
    }

    private void ensureLoaded() throws IOException {
        if (loaded) {
            return;
        }
        if (Files.exists(file)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                load(channel);
            }
        }
        loaded = true;
    }

    /** Indexes every readable line and remembers where the last complete line ends. */
    private void load(FileChannel channel) throws IOException {
        lastSequence = 0;
        size = 0;
        validLength = JsonLines.scan(channel, 0, channel.size(), (offset, bytes) -> {
            Optional<EventLine> line = parse(bytes);
            if (line.isEmpty() || line.get().seq() <= lastSequence) {
                log.warn("Skipping the unreadable or out-of-order line at byte {} of {}", offset, file);
            } else {
                add(line.get().seq(), offset);
                lastSequence = line.get().seq();
            }
            return true;
        });

        long torn = channel.size() - validLength;
        if (torn > 0) {
            log.warn("Ignoring the last {} bytes of {}: an incomplete line, probably from a crash", torn, file);
        }
    }

    /** Drops a torn last line, or reloads when the file shrank behind this object's back. */
    private void prepareForAppend(FileChannel channel) throws IOException {
        long actual = channel.size();
        if (actual > validLength) {
            channel.truncate(validLength);
        } else if (actual < validLength) {
            log.warn(
                    "{} is shorter than this server wrote it ({} < {} bytes), so it is read again",
                    file,
                    actual,
                    validLength);
            load(channel);
            channel.truncate(validLength);
        }
    }

    private Optional<EventLine> parse(byte[] bytes) {
        try {
            EventLine line = Json.mapper().readValue(bytes, EventLine.class);
            if (line == null || line.seq() < 1 || line.time() == null || line.event() == null) {
                return Optional.empty();
            }
            return Optional.of(line);
        } catch (IOException | RuntimeException e) {
            log.debug("Unreadable event line in {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private void add(long sequence, long offset) {
        if (size == sequences.length) {
            sequences = Arrays.copyOf(sequences, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        sequences[size] = sequence;
        offsets[size] = offset;
        size++;
    }

    /** Returns the index of the first line with a sequence number above the given one. */
    private int firstIndexAfter(long sequence) {
        int found = Arrays.binarySearch(sequences, 0, size, sequence);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
