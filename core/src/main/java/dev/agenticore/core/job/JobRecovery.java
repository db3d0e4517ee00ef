package dev.agenticore.core.job;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a node's jobs right after a restart: jobs it was running are failed with a reason, and
 * queued jobs go back into a queue that does not survive restarts.
 */
final class JobRecovery {
    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    private final JobStore store;
    private final JobQueue queue;
    private final String podName;
    private final Clock clock;

    JobRecovery(JobStore store, JobQueue queue, String podName, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.podName = podName;
        this.clock = clock;
    }

    void recover() {
        int failed = 0;
        for (Job job : store.list(JobStatus.RUNNING, Integer.MAX_VALUE)) {
            if (job.podName().equals(podName) || job.podName().isEmpty()) {
                stopLeftoverProcess(job);
                store.update(
                        job.id(),
                        j -> j.status() != JobStatus.RUNNING
                                ? j
                                : j.toBuilder()
                                        .status(JobStatus.FAILED)
                                        .endedAt(clock.instant())
                                        .error("the server stopped while the job was running; submit the task again")
                                        .build());
                failed++;
            }
        }
        int requeued = queue.survivesRestart() ? 0 : requeue();
        if (failed > 0 || requeued > 0) {
            log.info("Recovered after restart: {} interrupted jobs failed, {} queued jobs requeued", failed, requeued);
        }
    }

    /**
     * Ends the agent process tree of an interrupted job when it outlived the server. The process
     * must have started within a minute after the job did, so a reused process id is left alone.
     */
    private static void stopLeftoverProcess(Job job) {
        if (job.pid() == null || job.startedAt() == null) {
            return;
        }
        ProcessHandle.of(job.pid()).filter(ProcessHandle::isAlive).ifPresent(process -> {
            Instant started = process.info().startInstant().orElse(Instant.MIN);
            boolean ours = !started.isBefore(job.startedAt().minusSeconds(5))
                    && started.isBefore(job.startedAt().plusSeconds(60));
            if (ours) {
                log.warn(
                        "Job {}: stopping its agent process {} left over from before the restart", job.id(), job.pid());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                awaitExit(process);
            }
        });
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("Process {} did not exit within 5 s of SIGKILL", process.pid());
        }
    }

    private int requeue() {
        List<Job> queued = new ArrayList<>(store.list(JobStatus.QUEUED, Integer.MAX_VALUE));
        queued.sort(Comparator.comparing(Job::createdAt));
        queued.forEach(job -> queue.enqueue(job.id()));
        return queued.size();
    }
}
