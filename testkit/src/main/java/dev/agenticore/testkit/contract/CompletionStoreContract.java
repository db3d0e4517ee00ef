package dev.agenticore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.ConflictException;
import dev.agenticore.core.agent.AgentUsage;
import dev.agenticore.core.chat.Completion;
import dev.agenticore.core.chat.CompletionStatus;
import dev.agenticore.core.chat.CompletionStore;
import dev.agenticore.core.chat.TurnResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link CompletionStore} must have. A subclass returns a new, empty store from
 * {@link #newStore()}, which runs before each test.
 */
@Timeout(30)
public abstract class CompletionStoreContract {
    /** A time with microsecond precision, because wire timestamps keep no more. */
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    private CompletionStore store;

    /** Creates the store under test, empty. */
    protected abstract CompletionStore newStore();

    /** Returns the store created for the current test. */
    protected CompletionStore store() {
        return store;
    }

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /** Returns a queued completion of the node {@code node-a}, created {@code seconds} after {@link #T0}. */
    protected static Completion queued(String uuid, long seconds) {
        return Completion.queued(uuid, "fix the bug", "{\"ticket\":\"T-1\"}", "node-a", T0.plusSeconds(seconds));
    }

    /** Returns a completion that ended with a result, with every field set. */
    protected static Completion completed(String uuid) {
        TurnResult result =
                new TurnResult("Fixed it.", false, "", "session-9", new AgentUsage(10, 5, 0, 0), 0.12, 45_000L, 5);
        return queued(uuid, 0).running(T0.plusSeconds(1)).ended(result, T0.plusSeconds(46));
    }

    @Test
    void createdCompletionIsFoundWithEveryField() {
        Completion completion = completed("req-1");

        store.create(completion);

        assertThat(store.find("req-1")).contains(completion);
    }

    @Test
    void duplicateUuidConflicts() {
        store.create(queued("req-1", 0));

        assertThatThrownBy(() -> store.create(queued("req-1", 5)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("req-1");
        assertThat(store.find("req-1").orElseThrow().createdAt()).isEqualTo(T0);
    }

    @Test
    void unknownUuidIsEmpty() {
        assertThat(store.find("nothing")).isEmpty();
        assertThat(store.update("nothing", c -> c.running(T0))).isEmpty();
    }

    @Test
    void updateStoresTheChange() {
        store.create(queued("req-1", 0));

        Completion running =
                store.update("req-1", c -> c.running(T0.plusSeconds(2))).orElseThrow();

        assertThat(running.status()).isEqualTo(CompletionStatus.RUNNING);
        assertThat(store.find("req-1")).contains(running);
    }

    @Test
    void failedResultKeepsError() {
        store.create(queued("req-1", 0));

        store.update("req-1", c -> c.ended(TurnResult.failure("the agent timed out", "s-1", 30), T0.plusSeconds(30)));

        Completion failed = store.find("req-1").orElseThrow();
        assertThat(failed.status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(failed.isError()).isTrue();
        assertThat(failed.error()).isEqualTo("the agent timed out");
        assertThat(failed.endedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void listIsNewestFirstWithLimitAndFilter() {
        store.create(queued("a", 1));
        store.create(queued("b", 3));
        store.create(queued("c", 2));
        store.update("c", c -> c.running(T0.plusSeconds(4)));

        List<String> all = store.list(null, 10).stream().map(Completion::uuid).toList();
        List<String> limited =
                store.list(null, 2).stream().map(Completion::uuid).toList();
        List<String> queued = store.list(CompletionStatus.QUEUED, 10).stream()
                .map(Completion::uuid)
                .toList();

        assertThat(all).containsExactly("b", "c", "a");
        assertThat(limited).containsExactly("b", "c");
        assertThat(queued).containsExactly("b", "a");
    }

    @Test
    void concurrentUpdatesAreNotLost() throws Exception {
        store.create(queued("req-1", 0));
        int threads = 4;
        int updatesPerThread = 25;

        Concurrently.run(threads, () -> {
            for (int i = 0; i < updatesPerThread; i++) {
                store.update("req-1", current -> current.ended(oneMoreTurn(current), T0.plusSeconds(9)));
            }
            return null;
        });

        Completion updated = store.find("req-1").orElseThrow();
        assertThat(updated.numTurns()).isEqualTo(threads * updatesPerThread);
        assertThat(store.list(CompletionStatus.COMPLETED, 10)).containsExactly(updated);
        assertThat(store.list(CompletionStatus.QUEUED, 10)).isEmpty();
    }

    /** Returns a successful result with one turn more than {@code completion} reports. */
    private static TurnResult oneMoreTurn(Completion completion) {
        int turns = completion.numTurns() == null ? 0 : completion.numTurns();
        return new TurnResult("", false, "", "", new AgentUsage(0, 0, 0, 0), null, null, turns + 1);
    }
}
