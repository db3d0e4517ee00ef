package dev.agenticore.core.job;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.agent.AgentRun;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.workspace.JobWorkspace;
import dev.agenticore.core.workspace.PreparedWorkspace;
import dev.agenticore.core.workspace.Publication;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one leased job through its steps: start, workspace, agent, outcome, publication. Every status
 * change is a {@link JobStore#update} that leaves a terminal status alone, so a cancel or a
 * shutdown that lands first always wins. Store operations that throw {@link StorageException} are
 * retried through {@link StorageRetry}, so a storage outage delays the job instead of ending it.
 */
final class JobExecution {
    private static final Logger log = LoggerFactory.getLogger(JobExecution.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final JobStore store;
    private final AgentRunner runner;
    private final ProfileCatalog profiles;
    private final JobWorkspace workspace;
    private final JobEventFeed events;
    private final JobSettings settings;
    private final Clock clock;
    private final Map<String, AgentRun> runs;
    private final StorageRetry retry;

    JobExecution(
            JobStore store,
            AgentRunner runner,
            ProfileCatalog profiles,
            JobWorkspace workspace,
            JobEventFeed events,
            JobSettings settings,
            Clock clock,
            Map<String, AgentRun> runs,
            StorageRetry retry) {
        this.store = store;
        this.runner = runner;
        this.profiles = profiles;
        this.workspace = workspace;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.runs = runs;
        this.retry = retry;
    }

    /**
     * Runs the job with the given id if it is still queued; returns when it has ended.
     *
     * @throws StorageException when the store stayed unavailable for longer than the retry limit, so
     *     the job may still be recorded as queued or running
     */
    void run(String jobId) {
        Optional<Job> started = start(jobId);
        if (started.isEmpty()) {
            return;
        }
        Job job = started.get();
        try {
            runStarted(job);
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Job {} failed with an unexpected error", jobId, e);
            fail(jobId, "internal error while running the job: " + e, null);
        } finally {
            runs.remove(jobId);
            events.wakeReaders();
        }
    }

    private Optional<Job> start(String jobId) {
        // Stores keep timestamps to the microsecond, so a retry can recognize its own start time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Job> updated = retry.call(
                jobId,
                "starting the job",
                () -> store.update(jobId, job -> {
                    if (job.status() == JobStatus.RUNNING) {
                        // A retried write that reached the store before its reply was lost leaves this state.
                        if (now.equals(job.startedAt()) && settings.podName().equals(job.podName())) {
                            return job;
                        }
                        return lostOnAnotherNode(job, now);
                    }
                    if (job.status() != JobStatus.QUEUED) {
                        return job;
                    }
                    if (!now.isBefore(job.expiresAt())) {
                        return job.toBuilder()
                                .status(JobStatus.EXPIRED)
                                .endedAt(now)
                                .error("expired after waiting " + job.ttlSeconds() + " s in the queue")
                                .build();
                    }
                    return job.toBuilder()
                            .status(JobStatus.RUNNING)
                            .startedAt(now)
                            .podName(settings.podName())
                            .build();
                }));
        updated.filter(job -> job.status() == JobStatus.EXPIRED && now.equals(job.endedAt()))
                .ifPresent(job -> log.info("Job {} expired in the queue", jobId));
        updated.filter(job -> job.status() == JobStatus.FAILED && now.equals(job.endedAt()))
                .ifPresent(job -> log.warn(
                        "Job {} failed: node {} stopped renewing its queue lease while running it",
                        jobId,
                        job.podName()));
        return updated.filter(job -> job.status() == JobStatus.RUNNING && now.equals(job.startedAt()));
    }

    /**
     * Fails a job that a shared queue handed out again while it was running: the worker skips jobs
     * it runs itself, so the node that started it stopped renewing its lease, most likely because it
     * died. Its agent may have done part of the work, so the job is not run again.
     */
    private static Job lostOnAnotherNode(Job job, Instant now) {
        return job.toBuilder()
                .status(JobStatus.FAILED)
                .endedAt(now)
                .error("the node " + job.podName()
                        + " running the job stopped responding before it finished; submit the task again")
                .build();
    }

    private void runStarted(Job job) throws RuntimeException {
        log.info("Job {} running", job.id());
        Optional<Profile> profile = profiles.find(job.profile());
        if (profile.isEmpty()) {
            fail(job.id(), "Profile not found: " + job.profile(), null);
            return;
        }
        PreparedWorkspace prepared;
        try {
            prepared = workspace.prepare(job, profile.get());
        } catch (RuntimeException e) {
            log.warn("Job {}: workspace preparation failed", job.id(), e);
            fail(job.id(), "workspace preparation failed: " + e.getMessage(), null);
            return;
        }
        Job current = change(
                job.id(),
                "recording the workspace",
                j -> j.toBuilder()
                        .worktreePath(prepared.directory().toString())
                        .jobConfigDir(prepared.configDirectory().toString())
                        .branch(prepared.branch())
                        .worktreeId(prepared.worktreeId().isEmpty() ? j.worktreeId() : prepared.worktreeId())
                        .build());
        if (current.status() != JobStatus.RUNNING) {
            return;
        }
        try {
            runAgent(current, profile.get(), prepared);
        } finally {
            releaseWorkspace(job.id(), prepared);
        }
    }

    private void releaseWorkspace(String jobId, PreparedWorkspace prepared) {
        try {
            workspace.release(find(jobId, "reading the job to release its workspace"), prepared);
        } catch (RuntimeException e) {
            log.warn("Job {}: releasing the workspace failed", jobId, e);
        }
    }

    private void runAgent(Job job, Profile profile, PreparedWorkspace prepared) {
        AgentRun run;
        try {
            run = runner.start(invocation(job, profile, prepared), event -> onEvent(job.id(), event));
        } catch (RuntimeException e) {
            fail(job.id(), e.getMessage(), null);
            return;
        }
        runs.put(job.id(), run);
        Optional<Job> current;
        try {
            run.pid()
                    .ifPresent(pid -> change(
                            job.id(),
                            "recording the agent's pid",
                            j -> j.toBuilder().pid(pid).build()));
            current = retry.call(job.id(), "checking for a cancel", () -> store.find(job.id()));
        } catch (StorageException e) {
            run.cancel();
            throw e;
        }
        if (current.map(j -> j.status() != JobStatus.RUNNING).orElse(true)) {
            run.cancel();
        }

        Supervision supervision = supervise(run, profile.timeout());
        finish(job.id(), profile, prepared, supervision);
    }

    private AgentInvocation invocation(Job job, Profile profile, PreparedWorkspace prepared) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("Job", job.id());
        context.put("Task", job.task());
        context.put("Repo", job.repoUrl());
        context.put("Branch", job.branch().isEmpty() ? job.baseRef() : job.branch());
        List<Path> mcpFiles = job.filePath().isEmpty() ? List.of() : List.of(checkedMcpFile(job.filePath()));
        return new AgentInvocation(
                job.id(),
                job.task(),
                profile,
                prepared.directory(),
                prepared.configDirectory(),
                job.sessionId(),
                context,
                mcpFiles,
                Map.of());
    }

    /**
     * Resolves symbolic links in a job's {@code file_path} and checks that the file still lies in an
     * allowed directory, so a link placed there cannot point the agent at another file.
     */
    private Path checkedMcpFile(String filePath) {
        Path real;
        try {
            real = Path.of(filePath).toRealPath();
        } catch (java.io.IOException e) {
            throw new dev.agenticore.core.workspace.WorkspaceException(
                    "file_path " + filePath + " does not exist or cannot be read");
        }
        boolean allowed = settings.mcpFileRoots().stream().anyMatch(root -> {
            try {
                return real.startsWith(root.toRealPath());
            } catch (java.io.IOException e) {
                return false;
            }
        });
        if (!allowed) {
            throw new dev.agenticore.core.workspace.WorkspaceException(
                    "file_path " + filePath + " resolves outside the directories of AGENTICORE_MCP_FILE_ROOTS");
        }
        return real;
    }

    private void onEvent(String jobId, AgentEvent event) {
        events.publish(jobId, event);
        if (event instanceof AgentEvent.SessionStarted started
                && !started.sessionId().isEmpty()) {
            // Not retried, so an outage does not block the agent's output. The outcome records the
            // session id again when the agent ends.
            try {
                store.update(
                        jobId,
                        j -> started.sessionId().equals(j.sessionId())
                                ? j
                                : j.toBuilder().sessionId(started.sessionId()).build());
            } catch (StorageException e) {
                log.warn("Job {}: recording session id {} failed: {}", jobId, started.sessionId(), e.getMessage());
            }
        }
    }

    private Supervision supervise(AgentRun run, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Optional<AgentOutcome> outcome = run.await(POLL);
                if (outcome.isPresent()) {
                    return new Supervision(outcome.get(), null);
                }
                if (System.nanoTime() - deadline >= 0) {
                    return stop(
                            run,
                            "timed out after " + timeout.toSeconds()
                                    + " s (the profile's timeout); the agent's process tree was stopped");
                }
                Duration idle = Duration.between(run.lastActivity(), clock.instant());
                if (idle.compareTo(settings.idleTimeout()) >= 0) {
                    return stop(
                            run,
                            "the agent printed nothing for "
                                    + settings.idleTimeout().toSeconds()
                                    + " s (AGENTICORE_IDLE_TIMEOUT); its process tree was stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel();
            return new Supervision(null, "the server shut down before the job finished");
        }
    }

    private Supervision stop(AgentRun run, String reason) throws InterruptedException {
        run.cancel();
        run.await(STOP_GRACE);
        return new Supervision(null, reason);
    }

    private void finish(String jobId, Profile profile, PreparedWorkspace prepared, Supervision supervision) {
        if (supervision.stopReason() != null) {
            Job failed = fail(jobId, supervision.stopReason(), -1);
            log.info("Job {} {}: {}", jobId, failed.status().wireName(), supervision.stopReason());
            return;
        }
        AgentOutcome outcome = supervision.outcome();
        Publication publication =
                outcome.succeeded() && profile.autoPr() ? publish(jobId, profile, prepared) : Publication.NOTHING;
        Job ended =
                change(jobId, "recording the outcome", j -> withPublication(recordOutcome(j, outcome), publication));
        log.info("Job {} {} (exit code {})", jobId, ended.status().wireName(), outcome.exitCode());
    }

    private Job recordOutcome(Job job, AgentOutcome outcome) {
        JobBuilder builder = job.toBuilder()
                .exitCode(outcome.exitCode())
                .costUsd(outcome.costUsd())
                .numTurns(outcome.numTurns())
                .durationMs(outcome.durationMs());
        if (!outcome.sessionId().isEmpty()) {
            builder.sessionId(outcome.sessionId());
        }
        if (job.status() != JobStatus.RUNNING) {
            return builder.build();
        }
        builder.endedAt(clock.instant()).output(Utf8Truncation.keepEnd(outcome.result(), Job.OUTPUT_LIMIT_BYTES));
        if (outcome.succeeded()) {
            return builder.status(JobStatus.SUCCEEDED).build();
        }
        String reason = outcome.errorText().isBlank()
                ? "the agent failed with exit code " + outcome.exitCode()
                : outcome.errorText();
        return builder.status(JobStatus.FAILED)
                .error(Utf8Truncation.keepEnd(reason, Job.ERROR_LIMIT_BYTES))
                .build();
    }

    /**
     * Publishes the work while the job is still running, so a client that sees {@code succeeded}
     * also sees the final {@code pr_url} or the reason there is none.
     */
    private Publication publish(String jobId, Profile profile, PreparedWorkspace prepared) {
        Job job = find(jobId, "reading the job to publish its work");
        if (job.status() != JobStatus.RUNNING) {
            return Publication.NOTHING;
        }
        try {
            return workspace.publish(job, profile, prepared);
        } catch (RuntimeException e) {
            log.warn("Job {}: publishing failed", jobId, e);
            return new Publication(null, "publishing failed: " + e.getMessage());
        }
    }

    private static Job withPublication(Job job, Publication publication) {
        if (job.status() != JobStatus.SUCCEEDED) {
            return job;
        }
        JobBuilder builder = job.toBuilder();
        if (publication.prUrl() != null) {
            builder.prUrl(publication.prUrl());
        }
        if (publication.problem() != null) {
            builder.error(Utf8Truncation.keepEnd(publication.problem(), Job.ERROR_LIMIT_BYTES));
        }
        return builder.build();
    }

    private Job fail(String jobId, String reason, Integer exitCode) {
        return change(
                jobId,
                "recording the failure",
                j -> j.status().isTerminal()
                        ? j
                        : j.toBuilder()
                                .status(JobStatus.FAILED)
                                .endedAt(clock.instant())
                                .exitCode(exitCode)
                                .error(Utf8Truncation.keepEnd(reason, Job.ERROR_LIMIT_BYTES))
                                .build());
    }

    /** Updates the job, retrying while the store is unavailable; {@code change} may run again. */
    private Job change(String jobId, String operation, UnaryOperator<Job> change) {
        return retry.call(jobId, operation, () -> store.update(jobId, change))
                .orElseThrow(() -> new JobNotFoundException(jobId));
    }

    private Job find(String jobId, String operation) {
        return retry.call(jobId, operation, () -> store.find(jobId)).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    private record Supervision(AgentOutcome outcome, String stopReason) {}
}
