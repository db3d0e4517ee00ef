package dev.agenticore.core.job;

import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.core.workspace.Worktree;
import dev.agenticore.core.workspace.WorktreeNotFoundException;
import dev.agenticore.core.workspace.WorktreeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point for clients: submits, reads, lists, cancels and waits for jobs. Thread-safe; every
 * state change goes through {@link JobStore#update}, so a terminal state is never overwritten.
 */
public final class JobService {
    /** Default number of jobs a list returns. */
    public static final int DEFAULT_LIST_LIMIT = 20;
    /** Largest number of jobs a list returns. */
    public static final int MAX_LIST_LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private static final Duration FULL_QUEUE_RETRY = Duration.ofSeconds(30);

    private final JobStore store;
    private final JobQueue queue;
    private final ProfileRouter router;
    private final RunningJobs runningJobs;
    private final WorktreeStore worktrees;
    private final JobSettings settings;
    private final Clock clock;
    private final JobRequestValidator validator;
    private volatile java.util.function.BooleanSupplier admitting = () -> true;

    /**
     * Creates the service over its ports.
     *
     * @param worktrees records of prepared worktrees, of which a request's {@code worktree_id} must name a
     *     ready one
     */
    public JobService(
            JobStore store,
            JobQueue queue,
            ProfileRouter router,
            RunningJobs runningJobs,
            WorktreeStore worktrees,
            JobSettings settings,
            Clock clock) {
        this.store = store;
        this.queue = queue;
        this.router = router;
        this.runningJobs = runningJobs;
        this.worktrees = worktrees;
        this.settings = settings;
        this.clock = clock;
        this.validator = new JobRequestValidator(settings.allowFileUrls(), settings.mcpFileRoots());
    }

    /**
     * Validates a request, stores the job as queued and enqueues it. With {@code wait} the call
     * then blocks until the job ends or the wait limit passes, and returns the job as it is then.
     *
     * @throws InvalidRequestException when a field is invalid, the profile does not exist, or {@code
     *     repo_url} names another repository than the worktree of {@code worktree_id}
     * @throws WorktreeNotFoundException when no worktree has the id {@code worktree_id}
     * @throws ConflictException when the worktree of {@code worktree_id} is not ready, for example
     *     because another job is using it
     * @throws CapacityExceededException when the queue is full
     */
    public Job submit(JobRequest request) {
        validator.validate(request);
        Profile profile = router.route(request.profile());
        if (!request.worktreeId().isEmpty()) {
            checkWorktree(request);
        }
        if (!admitting.getAsBoolean()) {
            throw new CapacityExceededException(
                    "this server is draining or shutting down and takes no new jobs; retry later or use another node",
                    FULL_QUEUE_RETRY);
        }
        if (queue.size() >= settings.maxQueuedJobs()) {
            throw new CapacityExceededException(
                    "the job queue is full (" + settings.maxQueuedJobs() + " jobs waiting); retry later",
                    FULL_QUEUE_RETRY);
        }

        Job job = newJob(request, profile);
        store.create(job);
        queue.enqueue(job.id());
        log.info("Job {} queued with profile {}", job.id(), profile.name());

        if (request.waitForResult()) {
            return await(job.id(), settings.waitLimit());
        }
        return job;
    }

    /**
     * Returns a job.
     *
     * @throws JobNotFoundException when there is no job with that id
     */
    public Job get(String id) {
        return store.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    /**
     * Lists jobs, newest first.
     *
     * @param status a status wire name, or null or empty for every status
     * @param limit maximum number of jobs, 1 to {@value #MAX_LIST_LIMIT}, or null for {@value
     *     #DEFAULT_LIST_LIMIT}
     * @throws InvalidRequestException when the status or limit is invalid
     */
    public List<Job> list(String status, Integer limit) {
        int effectiveLimit = limit == null ? DEFAULT_LIST_LIMIT : limit;
        if (effectiveLimit < 1 || effectiveLimit > MAX_LIST_LIMIT) {
            throw new InvalidRequestException(
                    "limit", "limit must be between 1 and " + MAX_LIST_LIMIT + ", got " + effectiveLimit);
        }
        JobStatus filter = status == null || status.isEmpty() ? null : JobStatus.fromWireName(status);
        return store.list(filter, effectiveLimit);
    }

    /**
     * Cancels a job. A queued job is cancelled at once; a running one is marked cancelled and its
     * agent process tree is ended; a finished job is returned unchanged.
     *
     * @throws JobNotFoundException when there is no job with that id
     */
    public Job cancel(String id) {
        Job before = get(id);
        Job after = store.update(
                        id,
                        job -> job.status().isTerminal()
                                ? job
                                : job.toBuilder()
                                        .status(JobStatus.CANCELLED)
                                        .endedAt(clock.instant())
                                        .error("cancelled by request")
                                        .build())
                .orElseThrow(() -> new JobNotFoundException(id));
        if (after.status() == JobStatus.CANCELLED && !before.status().isTerminal()) {
            log.info("Job {} cancelled while {}", id, before.status().wireName());
            runningJobs.stop(id);
        }
        return after;
    }

    /**
     * Waits until a job reaches a terminal state or the timeout passes.
     *
     * @return the job as it is when the wait ends
     * @throws JobNotFoundException when there is no job with that id
     */
    public Job await(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 20;
        Job job = get(id);
        while (!job.status().isTerminal() && System.nanoTime() - deadline < 0) {
            sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            pause = Math.min(pause * 2, 50);
            job = get(id);
        }
        return job;
    }

    /**
     * Sets the check that decides whether submissions are taken. While it returns false, {@link
     * #submit} throws {@link CapacityExceededException}. By default every submission is taken.
     */
    public void setAdmission(java.util.function.BooleanSupplier check) {
        this.admitting = check;
    }

    /** Returns the number of jobs waiting in the queue. */
    public int queuedCount() {
        return queue.size();
    }

    /**
     * Rejects a request whose worktree cannot run it now. The worker checks again when the job starts,
     * because the worktree may be removed or claimed in between.
     */
    private void checkWorktree(JobRequest request) {
        String id = request.worktreeId();
        Worktree worktree = worktrees.find(id).orElseThrow(() -> new WorktreeNotFoundException(id));
        if (!request.repoUrl().isEmpty() && !RepositoryUrls.sameRepository(request.repoUrl(), worktree.repoUrl())) {
            throw new InvalidRequestException(
                    "repo_url",
                    "repo_url '" + request.repoUrl() + "' is not the repository of worktree " + id + ", which is '"
                            + worktree.repoUrl() + "'; leave repo_url empty or name the worktree's repository");
        }
        // NOTE: only a job that has started marks the worktree in use. Two queued jobs that name one
        // ready worktree both pass, and the second to start fails unless the first has ended.
        switch (worktree.status()) {
            case READY -> {}
            case PREPARING ->
                throw new ConflictException("worktree " + id
                        + " is still being prepared; submit the job again once its status is ready"
                        + " (GET /worktrees/" + id + " or the get_worktree tool)");
            case IN_USE ->
                throw new ConflictException("worktree " + id + " is in use by job " + worktree.jobId()
                        + "; wait for that job to end or cancel it, or prepare another worktree");
            case FAILED ->
                throw new ConflictException("worktree " + id + " has status failed"
                        + (worktree.error() == null ? "" : " (" + worktree.error() + ")")
                        + "; prepare a new one with POST /worktrees or the prepare_worktree tool");
            case REMOVED ->
                throw new ConflictException("worktree " + id
                        + " was removed; prepare a new one with POST /worktrees or the prepare_worktree tool");
        }
    }

    private Job newJob(JobRequest request, Profile profile) {
        return Job.builder()
                .id(UUID.randomUUID().toString())
                .task(request.task())
                .repoUrl(request.repoUrl())
                .baseRef(request.baseRef())
                .profile(profile.name())
                .status(JobStatus.QUEUED)
                .sessionId(Optional.of(request.sessionId())
                        .filter(s -> !s.isEmpty())
                        .orElse(null))
                .filePath(request.filePath())
                .createRepo(request.createRepo())
                .privateRepo(request.privateRepo())
                .worktreeId(request.worktreeId())
                .createdAt(clock.instant())
                .ttlSeconds(settings.jobTtl().toSeconds())
                .build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a job", e);
        }
    }
}
