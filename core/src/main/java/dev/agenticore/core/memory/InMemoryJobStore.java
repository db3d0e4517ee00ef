package dev.agenticore.core.memory;

import dev.agenticore.core.ConflictException;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.core.job.JobStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/** {@link JobStore} in a map: for embedding and tests; nothing survives the process. Thread-safe. */
public final class InMemoryJobStore implements JobStore {
    private static final Comparator<Job> NEWEST_FIRST =
            Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id);

    private final ConcurrentMap<String, Job> jobs = new ConcurrentHashMap<>();

    @Override
    public void create(Job job) {
        if (jobs.putIfAbsent(job.id(), job) != null) {
            throw new ConflictException("a job with id " + job.id() + " already exists");
        }
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<Job> list(JobStatus status, int limit) {
        return jobs.values().stream()
                .filter(job -> status == null || job.status() == status)
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<Job> update(String id, UnaryOperator<Job> change) {
        return Optional.ofNullable(jobs.computeIfPresent(id, (key, job) -> {
            Job changed = Objects.requireNonNull(change.apply(job), "a job update must not return null");
            if (!changed.id().equals(id)) {
                throw new IllegalArgumentException("a job update must keep the id " + id);
            }
            return changed;
        }));
    }

    @Override
    public void delete(String id) {
        jobs.remove(id);
    }

    @Override
    public int count(JobStatus status) {
        return (int)
                jobs.values().stream().filter(job -> job.status() == status).count();
    }
}
