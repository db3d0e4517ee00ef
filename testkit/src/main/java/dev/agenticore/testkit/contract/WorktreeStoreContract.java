package dev.agenticore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.workspace.Worktree;
import dev.agenticore.core.workspace.WorktreeStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link WorktreeStore} must have. A subclass returns a new, empty store from {@link
 * #newStore()}, which runs before each test.
 */
public abstract class WorktreeStoreContract {
    /** Creation time of the first test record, in microseconds because wire timestamps keep no more. */
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    private WorktreeStore store;

    /**
     * Creates the store under test.
     *
     * @return a new store with no records, never null
     */
    protected abstract WorktreeStore newStore();

    /** Returns the store created for the current test. */
    protected WorktreeStore store() {
        return store;
    }

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /** Returns a preparing record with a random id, created {@code secondsAfterT0} seconds after {@link #T0}. */
    protected static Worktree worktree(long secondsAfterT0) {
        return new Worktree(
                UUID.randomUUID().toString(),
                "https://github.com/org/repo",
                "main",
                "",
                "",
                "",
                Worktree.Status.PREPARING,
                T0.plusSeconds(secondsAfterT0),
                null,
                "");
    }

    @Test
    void savedRecordCanBeFound() {
        Worktree worktree = worktree(0);

        store.save(worktree);

        assertThat(store.find(worktree.id())).contains(worktree);
    }

    @Test
    void findOfUnknownIdIsEmpty() {
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void storedRecordKeepsEveryField() {
        Worktree worktree = new Worktree(
                UUID.randomUUID().toString(),
                "https://github.com/org/repo.git",
                "develop",
                "agenticore/abc12345",
                "/tmp/worktrees/abc",
                "0123456789ab",
                Worktree.Status.FAILED,
                T0,
                "fetch failed: \"timeout\"",
                "job-1");

        store.save(worktree);

        assertThat(store.find(worktree.id())).contains(worktree);
    }

    @Test
    void saveReplacesExistingRecord() {
        Worktree worktree = worktree(0);
        store.save(worktree);
        Worktree replaced = worktree.withStatus(Worktree.Status.REMOVED);

        store.save(replaced);

        assertThat(store.find(worktree.id())).contains(replaced);
        assertThat(store.list()).containsExactly(replaced);
    }

    @Test
    void listReturnsOldestFirst() {
        Worktree newest = worktree(20);
        Worktree oldest = worktree(0);
        Worktree middle = worktree(10);
        store.save(newest);
        store.save(oldest);
        store.save(middle);

        assertThat(store.list()).containsExactly(oldest, middle, newest);
    }

    @Test
    void listOfEmptyStoreIsEmpty() {
        assertThat(store.list()).isEmpty();
    }

    @Test
    void updateReplacesRecordAndReturnsNewValue() {
        Worktree worktree = worktree(0);
        store.save(worktree);

        Optional<Worktree> updated = store.update(worktree.id(), current -> current.usedBy("job-7"));

        assertThat(updated).map(Worktree::status).contains(Worktree.Status.IN_USE);
        assertThat(store.find(worktree.id())).map(Worktree::jobId).contains("job-7");
    }

    @Test
    void updateOfMissingIdIsEmpty() {
        Optional<Worktree> updated = store.update(UUID.randomUUID().toString(), current -> {
            throw new AssertionError("the change must not run for a missing record");
        });

        assertThat(updated).isEmpty();
    }

    @Test
    void updateReturningSameInstanceKeepsRecord() {
        Worktree worktree = worktree(0);
        store.save(worktree);

        Optional<Worktree> updated = store.update(worktree.id(), current -> current);

        assertThat(updated).contains(worktree);
        assertThat(store.find(worktree.id())).contains(worktree);
    }

    @Test
    @Timeout(30)
    void updateIsAtomicUnderConcurrentWriters() throws Exception {
        Worktree worktree = worktree(0).withStatus(Worktree.Status.READY);
        store.save(worktree);
        int threads = 8;
        int changesPerThread = 25;

        Concurrently.run(threads, () -> {
            for (int i = 0; i < changesPerThread; i++) {
                store.update(worktree.id(), current -> current.usedBy(appendMark(current.jobId())));
            }
            return null;
        });

        assertThat(store.find(worktree.id()))
                .map(Worktree::jobId)
                .map(String::length)
                .contains(threads * changesPerThread);
    }

    @Test
    @Timeout(30)
    void concurrentSavesAreAllStored() throws Exception {
        int threads = 8;
        int recordsPerThread = 20;

        Concurrently.run(threads, () -> {
            for (int i = 0; i < recordsPerThread; i++) {
                store.save(worktree(i));
            }
            return null;
        });

        assertThat(store.list()).hasSize(threads * recordsPerThread);
    }

    /** Appends one character, so the length of the job id counts the updates that were applied. */
    private static String appendMark(String jobId) {
        return jobId + "x";
    }
}
