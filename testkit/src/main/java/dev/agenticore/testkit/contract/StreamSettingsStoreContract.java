package dev.agenticore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.chat.StreamSettings;
import dev.agenticore.core.chat.StreamSettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link StreamSettingsStore} must have. A subclass returns a new, empty store from
 * {@link #newStore()}, which runs before each test.
 */
@Timeout(30)
public abstract class StreamSettingsStoreContract {
    private StreamSettingsStore store;

    /** Creates the store under test, empty. */
    protected abstract StreamSettingsStore newStore();

    /** Returns the store created for the current test. */
    protected StreamSettingsStore store() {
        return store;
    }

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void unknownAgentIsEmpty() {
        assertThat(store.find("nobody")).isEmpty();
    }

    @Test
    void everyCombinationRoundTrips() {
        for (boolean thinking : new boolean[] {true, false}) {
            for (boolean tools : new boolean[] {true, false}) {
                StreamSettings settings = new StreamSettings(thinking, tools);

                store.save("anton", settings);

                assertThat(store.find("anton")).contains(settings);
            }
        }
    }

    @Test
    void agentsAreKeptApart() {
        store.save("anton", new StreamSettings(false, false));
        store.save("berta", new StreamSettings(true, false));

        assertThat(store.find("anton")).contains(new StreamSettings(false, false));
        assertThat(store.find("berta")).contains(new StreamSettings(true, false));
    }
}
