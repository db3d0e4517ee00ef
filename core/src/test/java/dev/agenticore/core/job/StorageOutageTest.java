package dev.agenticore.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.core.memory.InMemoryJobEventLog;
import dev.agenticore.core.memory.InMemoryJobQueue;
import dev.agenticore.core.memory.InMemoryJobStore;
import dev.agenticore.core.memory.InMemoryProfileCatalog;
import dev.agenticore.core.memory.InMemoryWorktreeStore;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileDefinition;
import dev.agenticore.core.profile.ProfileResolver;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.core.workspace.ScratchWorkspace;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StorageOutageTest {
    private static final Duration OUTAGE = Duration.ofMillis(1500);

    @Test
    void outageAtEndOfRunKeepsOutcome() throws Exception {
        InMemoryJobStore memory = new InMemoryJobStore();
        FlakyStore flaky = new FlakyStore(memory);
        Clock clock = Clock.systemUTC();
        ProfileDefinition code =
                new ProfileDefinition("code", null, null, null, null, null, null, null, null, 60L, Map.of(), null);
        Profile profile = ProfileResolver.resolve("code", name -> code);
        InMemoryProfileCatalog profiles = new InMemoryProfileCatalog(List.of(profile));
        JobSettings settings = JobSettings.defaults("node-a");
        InMemoryJobQueue queue = new InMemoryJobQueue();
        // The store becomes unavailable just before the agent returns, so recording the outcome
        // meets the outage.
        InMemoryAgentRunner.Agent agent = (invocation, events) -> {
            flaky.failFor(OUTAGE);
            return WorkerHarness.success("all done");
        };
        try (JobWorker worker = new JobWorker(
                flaky,
                queue,
                new InMemoryAgentRunner(agent, clock),
                profiles,
                new ScratchWorkspace(Files.createTempDirectory("storage-outage")),
                new JobEventFeed(new InMemoryJobEventLog(clock)),
                settings,
                clock)) {
            JobService service = new JobService(
                    memory,
                    queue,
                    new ProfileRouter(profiles, "code"),
                    worker,
                    new InMemoryWorktreeStore(),
                    settings,
                    clock);
            worker.start();

            String id = service.submit(JobRequest.of("do it")).id();
            Job job = service.await(id, Duration.ofSeconds(30));

            assertThat(flaky.rejected.get()).isPositive();
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.output()).isEqualTo("all done");
            assertThat(job.exitCode()).isZero();
            assertThat(worker.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void retryGivesUpAfterLimit() {
        StorageRetry retry = new StorageRetry(Duration.ofMillis(800));
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> retry.call("job-1", "reading", () -> {
            attempts.incrementAndGet();
            throw new StorageException("store unavailable", null);
        }));

        assertThat(thrown).isInstanceOf(StorageException.class);
        assertThat(attempts.get()).isGreaterThan(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    /** A store that throws {@link StorageException} on every operation until an outage ends. */
    private static final class FlakyStore implements JobStore {
        private final JobStore delegate;
        private final AtomicBoolean armed = new AtomicBoolean(true);
        private volatile long outageEndsNanos = System.nanoTime();
        final AtomicInteger rejected = new AtomicInteger();

        FlakyStore(JobStore delegate) {
            this.delegate = delegate;
        }

        /** Starts the single outage of this store. */
        void failFor(Duration duration) {
            if (armed.compareAndSet(true, false)) {
                outageEndsNanos = System.nanoTime() + duration.toNanos();
            }
        }

        private void check() {
            if (System.nanoTime() - outageEndsNanos < 0) {
                rejected.incrementAndGet();
                throw new StorageException("the store is unavailable during the test's outage", null);
            }
        }

        @Override
        public void create(Job job) {
            check();
            delegate.create(job);
        }

        @Override
        public Optional<Job> find(String id) {
            check();
            return delegate.find(id);
        }

        @Override
        public List<Job> list(JobStatus status, int limit) {
            check();
            return delegate.list(status, limit);
        }

        @Override
        public Optional<Job> update(String id, UnaryOperator<Job> change) {
            check();
            return delegate.update(id, change);
        }

        @Override
        public void delete(String id) {
            check();
            delegate.delete(id);
        }

        @Override
        public int count(JobStatus status) {
            check();
            return delegate.count(status);
        }
    }
}
