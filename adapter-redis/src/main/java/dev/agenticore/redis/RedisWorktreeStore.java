package dev.agenticore.redis;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.workspace.Worktree;
import dev.agenticore.core.workspace.WorktreeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link WorktreeStore} in Redis: a string key per record holding its JSON, and a sorted set of ids
 * scored by creation time for listing. {@link #update} is a compare-and-set on the JSON, retried
 * until it wins, so it is atomic across nodes.
 */
public final class RedisWorktreeStore implements WorktreeStore {
    private static final int MAX_ATTEMPTS = 1000;
    private static final LuaScript SAVE = LuaScript.of("""
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
            return 1
            """);
    private static final LuaScript COMPARE_AND_SET = LuaScript.of("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            return 1
            """);

    private final RedisGateway redis;
    private final RedisKeys keys;

    /** Creates a store over a gateway; the gateway's key prefix applies. */
    public RedisWorktreeStore(RedisGateway redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    @Override
    public void save(Worktree worktree) {
        redis.eval(
                "save worktree " + worktree.id(),
                SAVE,
                List.of(keys.worktree(worktree.id()), keys.worktreeIndex()),
                List.of(RedisRecords.write(worktree), worktree.id(), RedisRecords.score(worktree.createdAt())));
    }

    @Override
    public Optional<Worktree> find(String id) {
        String key = keys.worktree(id);
        String json = redis.call("read worktree " + id, client -> client.get(key));
        return Optional.ofNullable(json).map(value -> RedisRecords.read(value, Worktree.class, key));
    }

    @Override
    public List<Worktree> list() {
        String index = keys.worktreeIndex();
        List<String> ids = redis.call("list worktrees", client -> client.zrange(index, 0, -1));
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] recordKeys = ids.stream().map(keys::worktree).toArray(String[]::new);
        List<String> values = redis.call("list worktrees", client -> client.mget(recordKeys));
        List<Worktree> worktrees = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                worktrees.add(RedisRecords.read(values.get(i), Worktree.class, recordKeys[i]));
            }
        }
        return worktrees;
    }

    @Override
    public Optional<Worktree> update(String id, UnaryOperator<Worktree> change) {
        String key = keys.worktree(id);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String json = redis.call("read worktree " + id, client -> client.get(key));
            if (json == null) {
                return Optional.empty();
            }
            Worktree current = RedisRecords.read(json, Worktree.class, key);
            Worktree changed = Objects.requireNonNull(change.apply(current), "a worktree update must not return null");
            if (changed == current) {
                return Optional.of(current);
            }
            Object written = redis.eval(
                    "update worktree " + id, COMPARE_AND_SET, List.of(key), List.of(json, RedisRecords.write(changed)));
            if (Long.valueOf(1).equals(written)) {
                return Optional.of(changed);
            }
        }
        throw new StorageException(
                "worktree " + id + " changed concurrently " + MAX_ATTEMPTS + " times in a row; retry later", null);
    }
}
