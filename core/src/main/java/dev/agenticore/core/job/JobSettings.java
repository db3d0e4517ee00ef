package dev.agenticore.core.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Limits and timings of job handling.
 *
 * @param maxParallelJobs jobs one node runs at once
 * @param maxQueuedJobs jobs that may wait in the queue before submissions are rejected
 * @param idleTimeout how long an agent may print nothing before it is stopped
 * @param jobTtl time to live of new jobs
 * @param waitLimit longest time a submission with {@code wait=true} blocks
 * @param podName name of this node, recorded on the jobs it runs
 * @param allowFileUrls whether {@code file://} repository URLs are accepted
 * @param sweepInterval how often expired jobs are looked for
 * @param mcpFileRoots directories a job's {@code file_path} must lie in; empty rejects every {@code file_path}
 */
public record JobSettings(
        int maxParallelJobs,
        int maxQueuedJobs,
        Duration idleTimeout,
        Duration jobTtl,
        Duration waitLimit,
        String podName,
        boolean allowFileUrls,
        Duration sweepInterval,
        List<Path> mcpFileRoots) {

    public JobSettings {
        if (maxParallelJobs < 1) {
            throw new IllegalArgumentException("max_parallel_jobs must be at least 1, got " + maxParallelJobs);
        }
        if (maxQueuedJobs < 1) {
            throw new IllegalArgumentException("max_queued_jobs must be at least 1, got " + maxQueuedJobs);
        }
        requirePositive(idleTimeout, "idle_timeout");
        requirePositive(jobTtl, "job_ttl");
        requirePositive(waitLimit, "wait_limit");
        requirePositive(sweepInterval, "sweep_interval");
        Objects.requireNonNull(podName, "podName must not be null");
        mcpFileRoots = mcpFileRoots == null
                ? List.of()
                : mcpFileRoots.stream()
                        .map(path -> path.toAbsolutePath().normalize())
                        .toList();
    }

    /** Returns the defaults: 3 parallel jobs, 1000 queued, 600 s idle, one day TTL, 1 hour wait. */
    public static JobSettings defaults(String podName) {
        return new JobSettings(
                3,
                1000,
                Duration.ofMinutes(10),
                Duration.ofDays(1),
                Duration.ofHours(1),
                podName,
                false,
                Duration.ofMinutes(1),
                List.of());
    }

    /** Returns a copy with another parallel job limit. */
    public JobSettings withMaxParallelJobs(int value) {
        return new JobSettings(
                value,
                maxQueuedJobs,
                idleTimeout,
                jobTtl,
                waitLimit,
                podName,
                allowFileUrls,
                sweepInterval,
                mcpFileRoots);
    }

    /** Returns a copy with another queue limit. */
    public JobSettings withMaxQueuedJobs(int value) {
        return new JobSettings(
                maxParallelJobs,
                value,
                idleTimeout,
                jobTtl,
                waitLimit,
                podName,
                allowFileUrls,
                sweepInterval,
                mcpFileRoots);
    }

    /** Returns a copy with another idle timeout. */
    public JobSettings withIdleTimeout(Duration value) {
        return new JobSettings(
                maxParallelJobs,
                maxQueuedJobs,
                value,
                jobTtl,
                waitLimit,
                podName,
                allowFileUrls,
                sweepInterval,
                mcpFileRoots);
    }

    /** Returns a copy with another time to live. */
    public JobSettings withJobTtl(Duration value) {
        return new JobSettings(
                maxParallelJobs,
                maxQueuedJobs,
                idleTimeout,
                value,
                waitLimit,
                podName,
                allowFileUrls,
                sweepInterval,
                mcpFileRoots);
    }

    /** Returns a copy with another wait limit. */
    public JobSettings withWaitLimit(Duration value) {
        return new JobSettings(
                maxParallelJobs,
                maxQueuedJobs,
                idleTimeout,
                jobTtl,
                value,
                podName,
                allowFileUrls,
                sweepInterval,
                mcpFileRoots);
    }

    /** Returns a copy that accepts, or rejects, {@code file://} repository URLs. */
    public JobSettings withAllowFileUrls(boolean value) {
        return new JobSettings(
                maxParallelJobs,
                maxQueuedJobs,
                idleTimeout,
                jobTtl,
                waitLimit,
                podName,
                value,
                sweepInterval,
                mcpFileRoots);
    }

    /** Returns a copy with another sweep interval. */
    public JobSettings withSweepInterval(Duration value) {
        return new JobSettings(
                maxParallelJobs,
                maxQueuedJobs,
                idleTimeout,
                jobTtl,
                waitLimit,
                podName,
                allowFileUrls,
                value,
                mcpFileRoots);
    }

    /** Returns a copy whose jobs may name {@code .mcp.json} files under the given directories. */
    public JobSettings withMcpFileRoots(List<Path> value) {
        return new JobSettings(
                maxParallelJobs,
                maxQueuedJobs,
                idleTimeout,
                jobTtl,
                waitLimit,
                podName,
                allowFileUrls,
                sweepInterval,
                value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
