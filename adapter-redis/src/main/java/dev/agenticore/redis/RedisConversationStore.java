package dev.agenticore.redis;

import dev.agenticore.core.chat.Conversation;
import dev.agenticore.core.chat.ConversationStore;
import java.util.Optional;

/**
 * {@link ConversationStore} in Redis: one string key per conversation, named by the full
 * conversation key, holding the conversation's JSON. Records never expire, as in the file store.
 * Each command is atomic, so nodes sharing the Redis server see every save at once.
 */
public final class RedisConversationStore implements ConversationStore {
    private final RedisGateway redis;
    private final RedisKeys keys;

    /** Creates a store over a gateway; the gateway's key prefix applies. */
    public RedisConversationStore(RedisGateway redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    @Override
    public Optional<Conversation> find(String key) {
        String redisKey = keys.conversation(key);
        String json = redis.call("read conversation " + key, client -> client.get(redisKey));
        return Optional.ofNullable(json).map(value -> RedisRecords.read(value, Conversation.class, redisKey));
    }

    @Override
    public void save(Conversation conversation) {
        String redisKey = keys.conversation(conversation.key());
        String json = RedisRecords.write(conversation);
        redis.call("save conversation " + conversation.key(), client -> client.set(redisKey, json));
    }

    @Override
    public void delete(String key) {
        String redisKey = keys.conversation(key);
        redis.call("delete conversation " + key, client -> client.del(redisKey));
    }
}
