package dev.agenticore.file;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.event.JobEvent;
import dev.agenticore.core.event.JobEventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link JobEventLog} with one JSON-lines file per job, {@code <root>/<id>.events.jsonl}, each line
 * {@code {"seq": n, "time": "...", "event": {...}}}. At the first use of a job's log after a
 * restart, the file is scanned once to recover the last sequence number and the position of each
 * line. A line torn by a crash is ignored and overwritten by the next append.
 *
 * <p>Appends are not forced to disk, so a machine crash (not a process crash) can lose the newest
 * events, and their sequence numbers are then handed out again.
 *
 * <p>Thread-safe. Appends, reads and deletes of one job are serialized. The log is for one server
 * process: several processes appending to one directory would corrupt each other's files.
 */
public final class FileJobEventLog implements JobEventLog {
    private static final String SUFFIX = ".events.jsonl";

    private final Path root;
    private final Clock clock;
    private final ConcurrentMap<String, JobLogFile> logs = new ConcurrentHashMap<>();

    /**
     * Creates a log in a directory, creating it when missing.
     *
     * @param root directory of the event files, usually the job store's directory; not null
     * @param clock clock whose time stamps each event, truncated to microseconds; not null
     * @throws StorageException when the directory cannot be created
     */
    public FileJobEventLog(Path root, Clock clock) {
        this.root = Objects.requireNonNull(root, "root must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StorageException("failed to create event log directory " + root + ": " + e, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the job id is not a safe file name
     * @throws StorageException when the event cannot be written
     */
    @Override
    public JobEvent append(String jobId, AgentEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        if (!FileNames.isSafe(jobId)) {
            throw new IllegalArgumentException("job id '" + jobId
                    + "' is invalid: use only letters, digits, '.', '_' and '-', starting with a letter or digit");
        }

        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        while (true) {
            JobLogFile jobLog = logs.computeIfAbsent(jobId, id -> new JobLogFile(fileFor(id)));
            synchronized (jobLog) {
                if (!jobLog.isDeleted()) {
                    try {
                        return jobLog.append(time, event);
                    } catch (IOException e) {
                        throw new StorageException("failed to append to " + fileFor(jobId) + ": " + e, e);
                    }
                }
            }
        }
    }

    /**
     * {@inheritDoc} A job id that is not a safe file name has no events.
     *
     * @throws StorageException when the file exists but cannot be read
     */
    @Override
    public List<JobEvent> read(String jobId, long afterSequence, int limit) {
        if (!FileNames.isSafe(jobId) || limit <= 0) {
            return List.of();
        }

        while (true) {
            JobLogFile jobLog = logs.get(jobId);
            if (jobLog == null) {
                if (!Files.exists(fileFor(jobId))) {
                    return List.of();
                }
                jobLog = logs.computeIfAbsent(jobId, id -> new JobLogFile(fileFor(id)));
            }
            synchronized (jobLog) {
                if (!jobLog.isDeleted()) {
                    return readLocked(jobLog, jobId, afterSequence, limit);
                }
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws StorageException when the file exists but cannot be deleted
     */
    @Override
    public void delete(String jobId) {
        if (!FileNames.isSafe(jobId)) {
            return;
        }

        JobLogFile jobLog = logs.computeIfAbsent(jobId, id -> new JobLogFile(fileFor(id)));
        synchronized (jobLog) {
            try {
                jobLog.delete();
            } catch (IOException e) {
                throw new StorageException("failed to delete " + fileFor(jobId) + ": " + e, e);
            }
            logs.remove(jobId, jobLog);
        }
    }

    private List<JobEvent> readLocked(JobLogFile jobLog, String jobId, long afterSequence, int limit) {
        try {
            return jobLog.read(afterSequence, limit);
        } catch (IOException e) {
            throw new StorageException("failed to read " + fileFor(jobId) + ": " + e, e);
        }
    }

    private Path fileFor(String jobId) {
        return root.resolve(jobId + SUFFIX);
    }
}
