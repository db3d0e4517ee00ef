package dev.agenticore.file;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The jobs of a {@link FileJobStore} in memory: by id, newest first, and counted by status, so
 * listing reads no file. Thread-safe: every method synchronizes on the index.
 */
final class JobIndex {
    /** Newest first, and by id between jobs created at the same instant, as the in-memory store sorts. */
    private static final Comparator<Job> NEWEST_FIRST =
            Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id);

    private final Map<String, Job> byId = new HashMap<>();
    private final NavigableSet<Job> newestFirst = new TreeSet<>(NEWEST_FIRST);
    private final Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);

    /** Returns the job with the id, or null. */
    synchronized Job get(String id) {
        return byId.get(id);
    }

    /** Adds a job or replaces the job with the same id. */
    synchronized void put(Job job) {
        remove(job.id());

        byId.put(job.id(), job);
        newestFirst.add(job);
        counts.merge(job.status(), 1, Integer::sum);
    }

    /** Removes the job with the id, if there is one. */
    synchronized void remove(String id) {
        Job removed = byId.remove(id);
        if (removed == null) {
            return;
        }

        newestFirst.remove(removed);
        counts.merge(removed.status(), -1, Integer::sum);
    }

    /** Returns up to {@code limit} jobs, newest first, in the status or in any status when it is null. */
    synchronized List<Job> list(JobStatus status, int limit) {
        List<Job> listed = new ArrayList<>(Math.min(Math.max(limit, 0), 1000));
        for (Job job : newestFirst) {
            if (listed.size() >= limit) {
                break;
            }
            if (status == null || job.status() == status) {
                listed.add(job);
            }
        }
        return listed;
    }

    /** Returns the number of jobs in the status. */
    synchronized int count(JobStatus status) {
        return counts.getOrDefault(status, 0);
    }
}
