package dev.agenticore.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.StorageException;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.core.job.JobStore;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JobStore} with one JSON file per job, {@code <root>/<id>.json}, in the wire format of
 * {@link Json#mapper()}. Each write goes to a temporary file that is forced to disk and renamed over
 * the record, so a crash leaves the old or the new record, never a mix.
 *
 * <p>All records are read once, when the store opens, into an in-memory index that serves {@link
 * #find}, {@link #list} and {@link #count}, and every write updates the index after the file. Files
 * that are not readable job records are logged and skipped at open.
 *
 * <p>Thread-safe. Writes of one job are serialized by a lock striped over the ids, which makes
 * {@link #update} atomic per job within this process. The store is for one server process: several
 * processes sharing one directory would not see each other's writes and need the Redis store.
 */
public final class FileJobStore implements JobStore {
    private static final Logger log = LoggerFactory.getLogger(FileJobStore.class);
    private static final String SUFFIX = ".json";
    private static final int STRIPES = 64;

    private final Path root;
    private final JobIndex index = new JobIndex();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    /**
     * Opens the store in a directory, creating it when missing, deleting temporary files left by a
     * crash and loading every record.
     *
     * @param root directory of the job records, not null
     * @throws StorageException when the directory cannot be created or listed
     */
    public FileJobStore(Path root) {
        this.root = Objects.requireNonNull(root, "root must not be null");
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }

        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StorageException("failed to create job directory " + root + ": " + e, e);
        }
        AtomicFiles.deleteLeftoverTemps(root);
        loadAll();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the id is not a safe file name (letters, digits, {@code
     *     .}, {@code _} and {@code -}, starting with a letter or digit)
     */
    @Override
    public void create(Job job) {
        String id = job.id();
        if (!FileNames.isSafe(id)) {
            throw new IllegalArgumentException("job id '" + id
                    + "' is invalid: use only letters, digits, '.', '_' and '-', starting with a letter or digit");
        }

        ReentrantLock lock = lockFor(id);
        lock.lock();
        try {
            if (index.get(id) != null) {
                throw new ConflictException("a job with id " + id + " already exists");
            }
            write(job);
            index.put(job);
        } finally {
            lock.unlock();
        }
    }

    /** {@inheritDoc} An id that is not a safe file name is never found. */
    @Override
    public Optional<Job> find(String id) {
        if (!FileNames.isSafe(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(index.get(id));
    }

    @Override
    public List<Job> list(JobStatus status, int limit) {
        return index.list(status, limit);
    }

    /**
     * {@inheritDoc} The change runs exactly once, under the job's lock.
     *
     * @throws IllegalArgumentException when the change returns a job with another id
     * @throws NullPointerException when the change returns null
     * @throws StorageException when the record cannot be written; the stored job is then unchanged
     */
    @Override
    public Optional<Job> update(String id, UnaryOperator<Job> change) {
        if (!FileNames.isSafe(id)) {
            return Optional.empty();
        }

        ReentrantLock lock = lockFor(id);
        lock.lock();
        try {
            Job current = index.get(id);
            if (current == null) {
                return Optional.empty();
            }

            Job changed = Objects.requireNonNull(change.apply(current), "a job update must not return null");
            if (changed == current) {
                return Optional.of(current);
            }
            if (!changed.id().equals(id)) {
                throw new IllegalArgumentException("a job update must keep the id " + id);
            }

            write(changed);
            index.put(changed);
            return Optional.of(changed);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws StorageException when the record exists but cannot be deleted
     */
    @Override
    public void delete(String id) {
        if (!FileNames.isSafe(id)) {
            return;
        }

        ReentrantLock lock = lockFor(id);
        lock.lock();
        try {
            Path file = fileFor(id);
            Files.deleteIfExists(file);
            index.remove(id);
        } catch (IOException e) {
            throw new StorageException("failed to delete " + fileFor(id) + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int count(JobStatus status) {
        return index.count(status);
    }

    private void loadAll() {
        int loaded = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "[A-Za-z0-9]*" + SUFFIX)) {
            for (Path file : files) {
                Job job = read(file);
                if (job != null) {
                    index.put(job);
                    loaded++;
                }
            }
        } catch (IOException e) {
            throw new StorageException("failed to list job directory " + root + ": " + e, e);
        }
        log.info("Opened job store {} with {} jobs", root, loaded);
    }

    /** Reads one record, or logs why it cannot and returns null. */
    private Job read(Path file) {
        String fileName = file.getFileName().toString();
        String expectedId = fileName.substring(0, fileName.length() - SUFFIX.length());
        if (!FileNames.isSafe(expectedId)) {
            log.warn("Skipping {}: its name is not a valid job id", file);
            return null;
        }

        try {
            Job job = Json.mapper().readValue(file.toFile(), Job.class);
            if (job == null || !job.id().equals(expectedId)) {
                log.warn("Skipping {}: it is not the record of job {}", file, expectedId);
                return null;
            }
            return job;
        } catch (IOException | RuntimeException e) {
            log.warn("Skipping {}: it is not a readable job record: {}", file, e.toString());
            return null;
        }
    }

    private void write(Job job) {
        byte[] content;
        try {
            content = Json.mapper().writeValueAsBytes(job);
        } catch (JsonProcessingException e) {
            throw new StorageException("failed to serialize job " + job.id() + ": " + e, e);
        }
        AtomicFiles.write(fileFor(job.id()), content);
    }

    private Path fileFor(String id) {
        return root.resolve(id + SUFFIX);
    }

    private ReentrantLock lockFor(String id) {
        return locks[Math.floorMod(id.hashCode(), STRIPES)];
    }
}
