package dev.agenticore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.chat.Conversation;
import dev.agenticore.core.chat.ConversationStore;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link ConversationStore} must have. A subclass returns a new, empty store from
 * {@link #newStore()}, which runs before each test.
 */
@Timeout(30)
public abstract class ConversationStoreContract {
    /** A time with microsecond precision, because wire timestamps keep no more. */
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    private ConversationStore store;

    /** Creates the store under test, empty. */
    protected abstract ConversationStore newStore();

    /** Returns the store created for the current test. */
    protected ConversationStore store() {
        return store;
    }

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void unknownKeyIsEmpty() {
        assertThat(store.find("conv:a:-:none")).isEmpty();
    }

    @Test
    void savedConversationIsFound() {
        Conversation saved = new Conversation("conv:anton:alice:c/1 x", "session-1", T0, T0.plusSeconds(5));

        store.save(saved);

        assertThat(store.find(saved.key())).contains(saved);
    }

    @Test
    void saveReplacesSameKey() {
        store.save(new Conversation("conv:a:-:k", "old", T0, T0));
        Conversation replacement = new Conversation("conv:a:-:k", "new", T0, T0.plusSeconds(60));

        store.save(replacement);

        assertThat(store.find("conv:a:-:k")).contains(replacement);
    }

    @Test
    void keysAreKeptApart() {
        store.save(new Conversation("conv:a:-:one", "s1", T0, T0));
        store.save(new Conversation("conv:a:-:two", "s2", T0, T0));

        assertThat(store.find("conv:a:-:one").orElseThrow().sessionId()).isEqualTo("s1");
        assertThat(store.find("conv:a:-:two").orElseThrow().sessionId()).isEqualTo("s2");
    }

    @Test
    void deleteRemovesOnlyThatKey() {
        store.save(new Conversation("conv:a:-:one", "s1", T0, T0));
        store.save(new Conversation("conv:a:-:two", "s2", T0, T0));

        store.delete("conv:a:-:one");
        store.delete("conv:a:-:unknown");

        assertThat(store.find("conv:a:-:one")).isEmpty();
        assertThat(store.find("conv:a:-:two")).isPresent();
    }
}
