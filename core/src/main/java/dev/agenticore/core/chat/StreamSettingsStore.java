package dev.agenticore.core.chat;

import java.util.Optional;

/** Stores the {@link StreamSettings} of each agent, with no expiry. Thread-safe. */
public interface StreamSettingsStore {

    /** Returns the settings stored for an agent, or empty when none were stored. */
    Optional<StreamSettings> find(String agentId);

    /** Stores the settings of an agent, replacing earlier ones. */
    void save(String agentId, StreamSettings settings);
}
