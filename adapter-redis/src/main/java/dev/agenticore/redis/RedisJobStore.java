package dev.agenticore.redis;

import dev.agenticore.core.ConflictException;
import dev.agenticore.core.StorageException;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.core.job.JobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import redis.clients.jedis.params.ZRangeParams;

/**
 * {@link JobStore} in Redis: each job is a string key holding its wire JSON, listed in a sorted set
 * of all jobs and one per status, both scored by creation time. Scripts change a record and its
 * index entries together, so a list or count never reads a half-done change.
 *
 * <p>{@link #update} is a compare-and-set: it reads the JSON, applies the change and writes the
 * result only if the stored JSON is still the one read, retrying otherwise. That makes it atomic
 * across every node sharing the Redis server.
 *
 * <p>Each write of an ended job sets a Redis expiry of the job's TTL from that moment, so the record
 * lives a TTL after the job ended. The sweeper normally deletes it a little earlier; when Redis
 * expires the key instead, {@link #list} drops the stale index entries and the job's event stream
 * the next time it meets them.
 */
public final class RedisJobStore implements JobStore {
    private static final int MAX_ATTEMPTS = 1000;
    private static final int PAGE = 200;

    private static final LuaScript CREATE = LuaScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
            if ARGV[4] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
            return 1
            """);
    private static final LuaScript COMPARE_AND_SET = LuaScript.of("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            if KEYS[2] ~= KEYS[3] then
              redis.call('ZREM', KEYS[2], ARGV[3])
              redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
            end
            if ARGV[5] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
            return 1
            """);
    private static final LuaScript DELETE = LuaScript.of("""
            redis.call('DEL', KEYS[1])
            for i = 2, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
            return 1
            """);

    private final RedisGateway redis;
    private final RedisKeys keys;

    /** Creates a store over a gateway; the gateway's key prefix applies. */
    public RedisJobStore(RedisGateway redis) {
        this.redis = redis;
        this.keys = redis.keys();
    }

    @Override
    public void create(Job job) {
        Object created = redis.eval(
                "create job " + job.id(),
                CREATE,
                List.of(keys.job(job.id()), keys.jobIndex(), keys.jobIndex(job.status())),
                List.of(RedisRecords.write(job), job.id(), RedisRecords.score(job.createdAt()), expiry(job)));
        if (Long.valueOf(0).equals(created)) {
            throw new ConflictException("a job with id " + job.id() + " already exists");
        }
    }

    @Override
    public Optional<Job> find(String id) {
        String key = keys.job(id);
        String json = redis.call("read job " + id, client -> client.get(key));
        return Optional.ofNullable(json).map(value -> RedisRecords.read(value, Job.class, key));
    }

    @Override
    public List<Job> list(JobStatus status, int limit) {
        String index = status == null ? keys.jobIndex() : keys.jobIndex(status);
        List<Job> jobs = new ArrayList<>();
        long offset = 0;
        while (jobs.size() < limit) {
            long start = offset;
            int page = (int) Math.min(PAGE, (long) limit - jobs.size());
            List<String> ids = redis.call(
                    "list jobs",
                    client -> client.zrange(
                            index,
                            ZRangeParams.zrangeParams(start, start + page - 1).rev()));
            if (ids.isEmpty()) {
                break;
            }
            offset += ids.size() - addFound(ids, status, jobs);
        }
        return jobs;
    }

    @Override
    public Optional<Job> update(String id, UnaryOperator<Job> change) {
        String key = keys.job(id);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String json = redis.call("read job " + id, client -> client.get(key));
            if (json == null) {
                return Optional.empty();
            }
            Job current = RedisRecords.read(json, Job.class, key);
            Job changed = Objects.requireNonNull(change.apply(current), "a job update must not return null");
            if (changed == current) {
                return Optional.of(current);
            }
            if (!changed.id().equals(id)) {
                throw new IllegalArgumentException("a job update must keep the id " + id);
            }
            if (compareAndSet(json, current, changed)) {
                return Optional.of(changed);
            }
        }
        throw new StorageException(
                "job " + id + " changed concurrently " + MAX_ATTEMPTS + " times in a row; retry later", null);
    }

    @Override
    public void delete(String id) {
        List<String> keyNames = new ArrayList<>();
        keyNames.add(keys.job(id));
        keyNames.add(keys.jobIndex());
        for (JobStatus status : JobStatus.values()) {
            keyNames.add(keys.jobIndex(status));
        }
        redis.eval("delete job " + id, DELETE, keyNames, List.of(id));
    }

    @Override
    public int count(JobStatus status) {
        String index = keys.jobIndex(status);
        return Math.toIntExact(redis.call("count jobs", client -> client.zcard(index)));
    }

    private boolean compareAndSet(String expectedJson, Job current, Job changed) {
        Object written = redis.eval(
                "update job " + changed.id(),
                COMPARE_AND_SET,
                List.of(keys.job(changed.id()), keys.jobIndex(current.status()), keys.jobIndex(changed.status())),
                List.of(
                        expectedJson,
                        RedisRecords.write(changed),
                        changed.id(),
                        RedisRecords.score(changed.createdAt()),
                        expiry(changed)));
        return Long.valueOf(1).equals(written);
    }

    /**
     * Adds the jobs with the given ids that still exist and match the status, and removes index
     * entries whose record Redis has expired.
     *
     * @return the number of ids that were dropped from the index
     */
    private int addFound(List<String> ids, JobStatus status, List<Job> jobs) {
        String[] jobKeys = ids.stream().map(keys::job).toArray(String[]::new);
        List<String> values = redis.call("list jobs", client -> client.mget(jobKeys));
        int dropped = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (values.get(i) == null) {
                dropExpired(ids.get(i));
                dropped++;
                continue;
            }
            Job job = RedisRecords.read(values.get(i), Job.class, jobKeys[i]);
            if (status == null || job.status() == status) {
                jobs.add(job);
            }
        }
        return dropped;
    }

    private void dropExpired(String id) {
        delete(id);
        String events = keys.events(id);
        redis.call("delete the events of job " + id, client -> client.del(events));
    }

    /** Returns the Redis time to live of an ended job in milliseconds, or "" for a job still going. */
    private static String expiry(Job job) {
        return job.status().isTerminal() ? Long.toString(Math.max(1, job.ttlSeconds()) * 1000) : "";
    }
}
