package dev.agenticore.core.memory;

import dev.agenticore.core.chat.StreamSettings;
import dev.agenticore.core.chat.StreamSettingsStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link StreamSettingsStore} in a map: nothing survives the process. Thread-safe. */
public final class InMemoryStreamSettingsStore implements StreamSettingsStore {
    private final ConcurrentMap<String, StreamSettings> settings = new ConcurrentHashMap<>();

    @Override
    public Optional<StreamSettings> find(String agentId) {
        return Optional.ofNullable(settings.get(agentId));
    }

    @Override
    public void save(String agentId, StreamSettings value) {
        settings.put(agentId, Objects.requireNonNull(value, "settings must not be null"));
    }
}
