package dev.agenticore.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JobWorkerTest {
    private static final JobSettings SETTINGS = JobSettings.defaults("node-a");

    @Test
    void successfulAgentSucceedsWithOutputAndUsage() throws Exception {
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> {
                    events.onEvent(new AgentEvent.SessionStarted("s-1", "sonnet"));
                    return WorkerHarness.success("all done");
                },
                SETTINGS,
                60)) {
            harness.worker.start();

            Job job = harness.awaitTerminal(
                    harness.service.submit(JobRequest.of("do it")).id());

            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.output()).isEqualTo("all done");
            assertThat(job.sessionId()).isEqualTo("s-1");
            assertThat(job.exitCode()).isZero();
            assertThat(job.costUsd()).isEqualTo(0.5);
            assertThat(job.numTurns()).isEqualTo(2);
            assertThat(job.podName()).isEqualTo("node-a");
            assertThat(job.startedAt()).isNotNull();
            assertThat(job.endedAt()).isNotNull();
            assertThat(job.worktreePath()).endsWith(job.id() + "/work");
            assertThat(harness.events.read(job.id(), 0, 10)).hasSize(1);
        }
    }

    @Test
    void agentErrorFailsWithItsOwnReason() throws Exception {
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) ->
                        new AgentOutcome(1, "", true, "API Error: 400 bad request", "", null, null, null, null),
                SETTINGS,
                60)) {
            harness.worker.start();

            Job job = harness.awaitTerminal(
                    harness.service.submit(JobRequest.of("fail")).id());

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).isEqualTo("API Error: 400 bad request");
            assertThat(job.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void errorResultWithExitZeroStillFails() throws Exception {
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) ->
                        new AgentOutcome(0, "max turns reached", true, "max turns reached", "", null, null, null, null),
                SETTINGS,
                60)) {
            harness.worker.start();

            Job job = harness.awaitTerminal(
                    harness.service.submit(JobRequest.of("fail")).id());

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        }
    }

    @Test
    void timeoutStopsTheAgentAndFailsWithExitCodeMinusOne() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> {
                    try {
                        while (true) {
                            events.onEvent(new AgentEvent.TextDelta("."));
                            Thread.sleep(100);
                        }
                    } finally {
                        stopped.countDown();
                    }
                },
                SETTINGS,
                1)) {
            harness.worker.start();

            Job job = harness.awaitTerminal(
                    harness.service.submit(JobRequest.of("slow")).id());

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.exitCode()).isEqualTo(-1);
            assertThat(job.error()).startsWith("timed out after 1 s");
            assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void silentAgentIsStoppedByTheWatchdog() throws Exception {
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> {
                    Thread.sleep(60_000);
                    return WorkerHarness.success("never");
                },
                SETTINGS.withIdleTimeout(Duration.ofSeconds(1)),
                60)) {
            harness.worker.start();

            Job job = harness.awaitTerminal(
                    harness.service.submit(JobRequest.of("hang")).id());

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).startsWith("the agent printed nothing for 1 s");
        }
    }

    @Test
    void workerRunsAtMostTheParallelLimit() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> {
                    highest.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(50);
                    running.decrementAndGet();
                    return WorkerHarness.success("ok");
                },
                SETTINGS.withMaxParallelJobs(2),
                60)) {
            harness.worker.start();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(harness.service.submit(JobRequest.of("job " + i)).id());
            }

            ids.forEach(harness::awaitTerminal);

            assertThat(highest.get()).isEqualTo(2);
            assertThat(ids)
                    .allSatisfy(
                            id -> assertThat(harness.service.get(id).status()).isEqualTo(JobStatus.SUCCEEDED));
        }
    }

    @Test
    void busyWorkerLeavesQueuedJobsInTheQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> {
                    started.countDown();
                    release.await();
                    return WorkerHarness.success("ok");
                },
                SETTINGS.withMaxParallelJobs(1),
                60)) {
            harness.worker.start();
            String first =
                    harness.service.submit(JobRequest.of("hold the slot")).id();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            String second =
                    harness.service.submit(JobRequest.of("wait in the queue")).id();

            Thread.sleep(1500);

            // Another node of a cluster can take a job that stays in the shared queue.
            assertThat(harness.queue.size()).isEqualTo(1);
            release.countDown();
            harness.awaitTerminal(first);
            harness.awaitTerminal(second);
            assertThat(harness.service.get(second).status()).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Test
    void cancelledRunningJobStaysCancelledAfterTheAgentEnds() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return WorkerHarness.success("never");
                },
                SETTINGS,
                60)) {
            harness.worker.start();
            String id = harness.service.submit(JobRequest.of("long")).id();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            harness.service.cancel(id);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (harness.service.get(id).exitCode() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            Job job = harness.service.get(id);
            assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(job.exitCode()).isEqualTo(143);
        }
    }

    @Test
    void restartFailsInterruptedJobsAndRunsQueuedOnes() throws Exception {
        try (WorkerHarness harness =
                new WorkerHarness((invocation, events) -> WorkerHarness.success("ran after restart"), SETTINGS, 60)) {
            Instant now = Instant.now();
            harness.store.create(Job.builder()
                    .id("was-running")
                    .task("t")
                    .status(JobStatus.RUNNING)
                    .podName("node-a")
                    .createdAt(now)
                    .startedAt(now)
                    .build());
            harness.store.create(Job.builder()
                    .id("other-node")
                    .task("t")
                    .status(JobStatus.RUNNING)
                    .podName("node-b")
                    .createdAt(now)
                    .startedAt(now)
                    .build());
            harness.store.create(Job.builder()
                    .id("was-queued")
                    .task("t")
                    .profile("code")
                    .status(JobStatus.QUEUED)
                    .createdAt(now)
                    .build());

            harness.worker.start();

            Job interrupted = harness.service.get("was-running");
            assertThat(interrupted.status()).isEqualTo(JobStatus.FAILED);
            assertThat(interrupted.error())
                    .isEqualTo("the server stopped while the job was running; submit the task again");
            assertThat(harness.service.get("other-node").status()).isEqualTo(JobStatus.RUNNING);
            assertThat(harness.awaitTerminal("was-queued").output()).isEqualTo("ran after restart");
        }
    }

    @Test
    void queuedJobPastItsTtlExpiresInsteadOfRunning() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> {
                    runs.incrementAndGet();
                    return WorkerHarness.success("ran");
                },
                SETTINGS,
                60)) {
            harness.store.create(Job.builder()
                    .id("old")
                    .task("t")
                    .profile("code")
                    .status(JobStatus.QUEUED)
                    .createdAt(Instant.now().minusSeconds(120))
                    .ttlSeconds(60)
                    .build());
            harness.queue.enqueue("old");

            harness.worker.start();

            Job job = harness.awaitTerminal("old");
            assertThat(job.status()).isEqualTo(JobStatus.EXPIRED);
            assertThat(job.error()).isEqualTo("expired after waiting 60 s in the queue");
            assertThat(runs.get()).isZero();
        }
    }

    @Test
    void sweeperRemovesRecordsPastTheirTtl() throws Exception {
        try (WorkerHarness harness =
                new WorkerHarness((invocation, events) -> WorkerHarness.success("x"), SETTINGS, 60)) {
            Instant longAgo = Instant.now().minusSeconds(7200);
            harness.store.create(Job.builder()
                    .id("ended-long-ago")
                    .task("t")
                    .status(JobStatus.SUCCEEDED)
                    .createdAt(longAgo)
                    .endedAt(longAgo)
                    .ttlSeconds(3600)
                    .build());
            harness.store.create(Job.builder()
                    .id("ended-recently")
                    .task("t")
                    .status(JobStatus.FAILED)
                    .createdAt(longAgo)
                    .endedAt(Instant.now())
                    .ttlSeconds(3600)
                    .build());
            JobSweeper sweeper = new JobSweeper(
                    harness.store,
                    new dev.agenticore.core.event.JobEventFeed(harness.events),
                    java.time.Clock.systemUTC());

            assertThat(sweeper.sweep()).isEqualTo(1);

            assertThat(harness.store.find("ended-long-ago")).isEmpty();
            assertThat(harness.store.find("ended-recently")).isPresent();
        }
    }

    @Test
    void shutdownFailsRunningJobsWithTheReason() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return WorkerHarness.success("never");
                },
                SETTINGS,
                60);
        harness.worker.start();
        String id = harness.service.submit(JobRequest.of("long")).id();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        harness.close();

        Job job = harness.service.get(id);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo("the server shut down before the job finished");
    }
}
