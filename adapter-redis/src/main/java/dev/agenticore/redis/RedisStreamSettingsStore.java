package dev.agenticore.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.chat.StreamSettings;
import dev.agenticore.core.chat.StreamSettingsStore;
import java.util.Optional;

/**
 * {@link StreamSettingsStore} in Redis: one string key per agent holding {@code {"show_thinking":
 * bool, "show_tools": bool}}, with no expiry. A field missing from the JSON takes its default.
 */
public final class RedisStreamSettingsStore implements StreamSettingsStore {
    private final RedisGateway redis;
    private final RedisKeys keys;

    /** Creates a store over a gateway; the gateway's key prefix applies. */
    public RedisStreamSettingsStore(RedisGateway redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    @Override
    public Optional<StreamSettings> find(String agentId) {
        String key = keys.streamSettings(agentId);
        String json = redis.call("read the stream settings of agent " + agentId, client -> client.get(key));
        if (json == null) {
            return Optional.empty();
        }
        JsonNode node = RedisRecords.read(json, JsonNode.class, key);
        StreamSettings defaults = StreamSettings.DEFAULTS;
        return Optional.of(new StreamSettings(
                node.path("show_thinking").asBoolean(defaults.showThinking()),
                node.path("show_tools").asBoolean(defaults.showTools())));
    }

    @Override
    public void save(String agentId, StreamSettings settings) {
        String key = keys.streamSettings(agentId);
        String json = RedisRecords.write(settings.toMap());
        redis.call("save the stream settings of agent " + agentId, client -> client.set(key, json));
    }
}
