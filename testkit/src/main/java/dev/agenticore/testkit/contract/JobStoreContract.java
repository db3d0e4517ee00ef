package dev.agenticore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.ConflictException;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.core.job.JobStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link JobStore} must have. A subclass returns a new, empty store from {@link
 * #newStore()}, which runs before each test.
 */
public abstract class JobStoreContract {
    /** Creation time of the first test job, in microseconds because wire timestamps keep no more. */
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    private JobStore store;

    /**
     * Creates the store under test.
     *
     * @return a new store with no jobs, never null
     */
    protected abstract JobStore newStore();

    /** Returns the store created for the current test. */
    protected JobStore store() {
        return store;
    }

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /**
     * Returns a queued job with a random id, created {@code secondsAfterT0} seconds after {@link #T0}.
     */
    protected static Job job(long secondsAfterT0) {
        return Job.builder()
                .id(UUID.randomUUID().toString())
                .task("fix the flaky test")
                .repoUrl("https://github.com/org/repo")
                .baseRef("main")
                .profile("code")
                .status(JobStatus.QUEUED)
                .createdAt(T0.plusSeconds(secondsAfterT0))
                .build();
    }

    @Test
    void createdJobCanBeFound() {
        Job job = job(0);

        store.create(job);

        assertThat(store.find(job.id())).contains(job);
    }

    @Test
    void findOfUnknownIdIsEmpty() {
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void storedJobKeepsEveryField() {
        Job job = job(0).toBuilder()
                .status(JobStatus.SUCCEEDED)
                .exitCode(0)
                .sessionId("session-1")
                .prUrl("https://github.com/org/repo/pull/7")
                .output("done\nwith \"quotes\" and ünïcode")
                .error("")
                .startedAt(T0.plusSeconds(1))
                .endedAt(T0.plusSeconds(90))
                .ttlSeconds(3600)
                .pid(4242L)
                .podName("node-1")
                .worktreePath("/tmp/work/1")
                .jobConfigDir("/tmp/config/1")
                .branch("agenticore/fix-flaky-test")
                .worktreeId("wt-1")
                .filePath("/tmp/extra.mcp.json")
                .createRepo(true)
                .privateRepo(false)
                .costUsd(0.25)
                .numTurns(12)
                .durationMs(89_000L)
                .build();

        store.create(job);

        assertThat(store.find(job.id())).contains(job);
    }

    @Test
    void createWithExistingIdThrowsConflict() {
        Job first = job(0);
        Job second = first.toBuilder().task("another task").build();
        store.create(first);

        assertThatThrownBy(() -> store.create(second)).isInstanceOf(ConflictException.class);

        assertThat(store.find(first.id())).contains(first);
    }

    @Test
    void listReturnsNewestFirst() {
        Job oldest = job(0);
        Job middle = job(10);
        Job newest = job(20);
        store.create(middle);
        store.create(newest);
        store.create(oldest);

        assertThat(store.list(null, 10)).containsExactly(newest, middle, oldest);
    }

    @Test
    void listFiltersByStatus() {
        Job queued = job(0);
        Job running = job(1).toBuilder().status(JobStatus.RUNNING).build();
        store.create(queued);
        store.create(running);

        assertThat(store.list(JobStatus.RUNNING, 10)).containsExactly(running);
        assertThat(store.list(JobStatus.QUEUED, 10)).containsExactly(queued);
        assertThat(store.list(JobStatus.FAILED, 10)).isEmpty();
    }

    @Test
    void listStopsAtLimit() {
        for (int i = 0; i < 5; i++) {
            store.create(job(i));
        }

        List<Job> listed = store.list(null, 2);

        assertThat(listed).hasSize(2);
        assertThat(listed).extracting(Job::createdAt).containsExactly(T0.plusSeconds(4), T0.plusSeconds(3));
    }

    @Test
    void updateReplacesJobAndReturnsNewValue() {
        Job job = job(0);
        store.create(job);

        Optional<Job> updated = store.update(
                job.id(),
                current -> current.toBuilder().status(JobStatus.RUNNING).build());

        assertThat(updated).map(Job::status).contains(JobStatus.RUNNING);
        assertThat(store.find(job.id())).map(Job::status).contains(JobStatus.RUNNING);
    }

    @Test
    void updateKeepsListAndCountInStep() {
        Job job = job(0);
        store.create(job);

        store.update(
                job.id(),
                current -> current.toBuilder().status(JobStatus.FAILED).build());

        assertThat(store.count(JobStatus.QUEUED)).isZero();
        assertThat(store.count(JobStatus.FAILED)).isEqualTo(1);
        assertThat(store.list(JobStatus.QUEUED, 10)).isEmpty();
        assertThat(store.list(JobStatus.FAILED, 10)).extracting(Job::id).containsExactly(job.id());
    }

    @Test
    void updateOfMissingIdIsEmpty() {
        Optional<Job> updated = store.update(UUID.randomUUID().toString(), current -> {
            throw new AssertionError("the change must not run for a missing job");
        });

        assertThat(updated).isEmpty();
    }

    @Test
    void updateReturningSameInstanceKeepsJob() {
        Job job = job(0);
        store.create(job);

        Optional<Job> updated = store.update(job.id(), current -> current);

        assertThat(updated).contains(job);
        assertThat(store.find(job.id())).contains(job);
    }

    @Test
    @Timeout(30)
    void updateIsAtomicUnderConcurrentWriters() throws Exception {
        Job job = job(0).toBuilder().numTurns(0).build();
        store.create(job);
        int threads = 8;
        int incrementsPerThread = 50;

        Concurrently.run(threads, () -> {
            for (int i = 0; i < incrementsPerThread; i++) {
                store.update(
                        job.id(),
                        current -> current.toBuilder()
                                .numTurns(current.numTurns() + 1)
                                .build());
            }
            return null;
        });

        assertThat(store.find(job.id())).map(Job::numTurns).contains(threads * incrementsPerThread);
    }

    @Test
    @Timeout(30)
    void concurrentCreatesAreAllStored() throws Exception {
        int threads = 8;
        int jobsPerThread = 20;

        Concurrently.run(threads, () -> {
            for (int i = 0; i < jobsPerThread; i++) {
                store.create(job(i));
            }
            return null;
        });

        assertThat(store.count(JobStatus.QUEUED)).isEqualTo(threads * jobsPerThread);
        assertThat(store.list(null, 1000)).hasSize(threads * jobsPerThread);
    }

    @Test
    void deleteRemovesJob() {
        Job kept = job(0);
        Job deleted = job(1);
        store.create(kept);
        store.create(deleted);

        store.delete(deleted.id());

        assertThat(store.find(deleted.id())).isEmpty();
        assertThat(store.list(null, 10)).containsExactly(kept);
        assertThat(store.count(JobStatus.QUEUED)).isEqualTo(1);
    }

    @Test
    void deleteOfMissingIdDoesNothing() {
        Job job = job(0);
        store.create(job);

        store.delete(UUID.randomUUID().toString());

        assertThat(store.list(null, 10)).containsExactly(job);
    }

    @Test
    void deletedIdCanBeCreatedAgain() {
        Job job = job(0);
        store.create(job);
        store.delete(job.id());

        store.create(job);

        assertThat(store.find(job.id())).contains(job);
    }

    @Test
    void countCountsJobsInOneStatus() {
        store.create(job(0));
        store.create(job(1));
        store.create(job(2).toBuilder().status(JobStatus.RUNNING).build());

        assertThat(store.count(JobStatus.QUEUED)).isEqualTo(2);
        assertThat(store.count(JobStatus.RUNNING)).isEqualTo(1);
        assertThat(store.count(JobStatus.SUCCEEDED)).isZero();
    }
}
