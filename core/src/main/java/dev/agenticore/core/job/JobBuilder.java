package dev.agenticore.core.job;

import java.time.Instant;

/** Mutable builder of {@link Job}; not thread-safe. Fields are named after the job's components. */
public final class JobBuilder {
    private String id;
    private String repoUrl = "";
    private String baseRef = "";
    private String task = "";
    private String profile = "";
    private JobStatus status = JobStatus.QUEUED;
    private String mode = Job.MODE_FIRE_AND_FORGET;
    private Integer exitCode;
    private String sessionId;
    private String prUrl;
    private String output;
    private String error;
    private Instant createdAt;
    private Instant startedAt;
    private Instant endedAt;
    private long ttlSeconds = Job.DEFAULT_TTL_SECONDS;
    private Long pid;
    private String podName = "";
    private String worktreePath = "";
    private String jobConfigDir = "";
    private String branch = "";
    private String worktreeId = "";
    private String filePath = "";
    private boolean createRepo;
    private boolean privateRepo = true;
    private Double costUsd;
    private Integer numTurns;
    private Long durationMs;

    JobBuilder() {}

    JobBuilder(Job job) {
        id = job.id();
        repoUrl = job.repoUrl();
        baseRef = job.baseRef();
        task = job.task();
        profile = job.profile();
        status = job.status();
        mode = job.mode();
        exitCode = job.exitCode();
        sessionId = job.sessionId();
        prUrl = job.prUrl();
        output = job.output();
        error = job.error();
        createdAt = job.createdAt();
        startedAt = job.startedAt();
        endedAt = job.endedAt();
        ttlSeconds = job.ttlSeconds();
        pid = job.pid();
        podName = job.podName();
        worktreePath = job.worktreePath();
        jobConfigDir = job.jobConfigDir();
        branch = job.branch();
        worktreeId = job.worktreeId();
        filePath = job.filePath();
        createRepo = job.createRepo();
        privateRepo = job.privateRepo();
        costUsd = job.costUsd();
        numTurns = job.numTurns();
        durationMs = job.durationMs();
    }

    public JobBuilder id(String value) {
        id = value;
        return this;
    }

    public JobBuilder repoUrl(String value) {
        repoUrl = value;
        return this;
    }

    public JobBuilder baseRef(String value) {
        baseRef = value;
        return this;
    }

    public JobBuilder task(String value) {
        task = value;
        return this;
    }

    public JobBuilder profile(String value) {
        profile = value;
        return this;
    }

    public JobBuilder status(JobStatus value) {
        status = value;
        return this;
    }

    public JobBuilder mode(String value) {
        mode = value;
        return this;
    }

    public JobBuilder exitCode(Integer value) {
        exitCode = value;
        return this;
    }

    public JobBuilder sessionId(String value) {
        sessionId = value;
        return this;
    }

    public JobBuilder prUrl(String value) {
        prUrl = value;
        return this;
    }

    public JobBuilder output(String value) {
        output = value;
        return this;
    }

    public JobBuilder error(String value) {
        error = value;
        return this;
    }

    public JobBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public JobBuilder startedAt(Instant value) {
        startedAt = value;
        return this;
    }

    public JobBuilder endedAt(Instant value) {
        endedAt = value;
        return this;
    }

    public JobBuilder ttlSeconds(long value) {
        ttlSeconds = value;
        return this;
    }

    public JobBuilder pid(Long value) {
        pid = value;
        return this;
    }

    public JobBuilder podName(String value) {
        podName = value;
        return this;
    }

    public JobBuilder worktreePath(String value) {
        worktreePath = value;
        return this;
    }

    public JobBuilder jobConfigDir(String value) {
        jobConfigDir = value;
        return this;
    }

    public JobBuilder branch(String value) {
        branch = value;
        return this;
    }

    public JobBuilder worktreeId(String value) {
        worktreeId = value;
        return this;
    }

    public JobBuilder filePath(String value) {
        filePath = value;
        return this;
    }

    public JobBuilder createRepo(boolean value) {
        createRepo = value;
        return this;
    }

    public JobBuilder privateRepo(boolean value) {
        privateRepo = value;
        return this;
    }

    public JobBuilder costUsd(Double value) {
        costUsd = value;
        return this;
    }

    public JobBuilder numTurns(Integer value) {
        numTurns = value;
        return this;
    }

    public JobBuilder durationMs(Long value) {
        durationMs = value;
        return this;
    }

    /**
     * Builds the job.
     *
     * @throws IllegalArgumentException when the id is blank or the TTL is not positive
     * @throws NullPointerException when the status or creation time is missing
     */
    public Job build() {
        return new Job(
                id,
                repoUrl,
                baseRef,
                task,
                profile,
                status,
                mode,
                exitCode,
                sessionId,
                prUrl,
                output,
                error,
                createdAt,
                startedAt,
                endedAt,
                ttlSeconds,
                pid,
                podName,
                worktreePath,
                jobConfigDir,
                branch,
                worktreeId,
                filePath,
                createRepo,
                privateRepo,
                costUsd,
                numTurns,
                durationMs);
    }
}
