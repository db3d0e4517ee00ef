package dev.agenticore.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.StorageException;
import dev.agenticore.core.chat.Completion;
import dev.agenticore.core.chat.CompletionStatus;
import dev.agenticore.core.chat.CompletionStore;
import dev.agenticore.json.CompletionBodies;
import dev.agenticore.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import redis.clients.jedis.params.ZRangeParams;

/**
 * {@link CompletionStore} in Redis: each completion is a string key holding the wire JSON of
 * {@link CompletionBodies#completion}, listed in a sorted set of all completions and one per
 * status, both scored by creation time. Scripts change a record and its index entries together.
 *
 * <p>{@link #update} is a compare-and-set: it reads the JSON, applies the change and writes the
 * result only if the stored JSON is still the one read, retrying otherwise, so it is atomic across
 * every node sharing the Redis server.
 *
 * <p>Records never expire, as in the file store: they stay until someone deletes their keys.
 */
public final class RedisCompletionStore implements CompletionStore {
    private static final int MAX_ATTEMPTS = 1000;
    private static final int PAGE = 200;

    private static final LuaScript CREATE = LuaScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
            return 1
            """);
    private static final LuaScript COMPARE_AND_SET = LuaScript.of("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            if KEYS[2] ~= KEYS[3] then
              redis.call('ZREM', KEYS[2], ARGV[3])
              redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
            end
            return 1
            """);

    private final RedisGateway redis;
    private final RedisKeys keys;

    /** Creates a store over a gateway; the gateway's key prefix applies. */
    public RedisCompletionStore(RedisGateway redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    @Override
    public void create(Completion completion) {
        String uuid = completion.uuid();
        Object created = redis.eval(
                "create completion " + uuid,
                CREATE,
                List.of(keys.completion(uuid), keys.completionIndex(), keys.completionIndex(completion.status())),
                List.of(write(completion), uuid, RedisRecords.score(completion.createdAt())));
        if (Long.valueOf(0).equals(created)) {
            throw new ConflictException("a completion with uuid " + uuid + " already exists");
        }
    }

    @Override
    public Optional<Completion> find(String uuid) {
        String key = keys.completion(uuid);
        String json = redis.call("read completion " + uuid, client -> client.get(key));
        return Optional.ofNullable(json).map(value -> read(value, key));
    }

    @Override
    public Optional<Completion> update(String uuid, UnaryOperator<Completion> change) {
        String key = keys.completion(uuid);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String json = redis.call("read completion " + uuid, client -> client.get(key));
            if (json == null) {
                return Optional.empty();
            }
            Completion current = read(json, key);
            Completion changed = Objects.requireNonNull(change.apply(current), "an update must not return null");
            if (!changed.uuid().equals(uuid)) {
                throw new IllegalArgumentException("a completion update must keep the uuid " + uuid);
            }
            if (changed.equals(current)) {
                return Optional.of(current);
            }
            if (compareAndSet(json, current, changed)) {
                return Optional.of(changed);
            }
        }
        throw new StorageException(
                "completion " + uuid + " changed concurrently " + MAX_ATTEMPTS + " times in a row; retry later", null);
    }

    @Override
    public List<Completion> list(CompletionStatus status, int limit) {
        String index = status == null ? keys.completionIndex() : keys.completionIndex(status);
        List<Completion> completions = new ArrayList<>();
        long offset = 0;
        while (completions.size() < limit) {
            long start = offset;
            int page = (int) Math.min(PAGE, (long) limit - completions.size());
            List<String> uuids = redis.call(
                    "list completions",
                    client -> client.zrange(
                            index,
                            ZRangeParams.zrangeParams(start, start + page - 1).rev()));
            if (uuids.isEmpty()) {
                break;
            }
            addFound(uuids, status, completions);
            offset += uuids.size();
        }
        return completions;
    }

    private boolean compareAndSet(String expectedJson, Completion current, Completion changed) {
        String uuid = changed.uuid();
        Object written = redis.eval(
                "update completion " + uuid,
                COMPARE_AND_SET,
                List.of(
                        keys.completion(uuid),
                        keys.completionIndex(current.status()),
                        keys.completionIndex(changed.status())),
                List.of(expectedJson, write(changed), uuid, RedisRecords.score(changed.createdAt())));
        return Long.valueOf(1).equals(written);
    }

    /**
     * Adds the completions with the given uuids that exist and match the status. A record can
     * change status between reading the index and reading the record, so the status is checked
     * again here.
     */
    private void addFound(List<String> uuids, CompletionStatus status, List<Completion> completions) {
        String[] recordKeys = uuids.stream().map(keys::completion).toArray(String[]::new);
        List<String> values = redis.call("list completions", client -> client.mget(recordKeys));
        for (int i = 0; i < uuids.size(); i++) {
            if (values.get(i) == null) {
                continue;
            }
            Completion completion = read(values.get(i), recordKeys[i]);
            if (status == null || completion.status() == status) {
                completions.add(completion);
            }
        }
    }

    private static String write(Completion completion) {
        return Json.write(CompletionBodies.completion(completion));
    }

    /** Reads a completion from wire JSON; a value that is not a valid record is a storage failure. */
    private static Completion read(String json, String key) {
        try {
            return CompletionBodies.fromJson(Json.mapper().readTree(json));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StorageException("the Redis value at " + key + " is not a valid completion", e);
        }
    }
}
