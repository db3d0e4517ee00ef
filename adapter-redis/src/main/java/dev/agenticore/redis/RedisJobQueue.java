package dev.agenticore.redis;

import dev.agenticore.core.job.JobQueue;
import dev.agenticore.core.job.QueueLease;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@link JobQueue} on a Redis stream read through one consumer group; each node is a consumer named
 * after its pod. A lease is a pending stream entry: the taking node owns it until it acknowledges
 * it ({@code XACK}, then {@code XDEL}). While it holds a lease the node refreshes the entry's idle
 * time every quarter of the lease timeout ({@code XCLAIM ... JUSTID}, only while it still owns the
 * entry). An entry idle for longer than the lease timeout belongs to a node that died or lost
 * Redis, and {@link #take} hands it to another node through {@code XAUTOCLAIM}.
 *
 * <p>A lease does not prevent a job from running twice; the store's atomic {@code queued → running}
 * transition does. Thread-safe.
 */
public final class RedisJobQueue implements JobQueue, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisJobQueue.class);
    private static final String GROUP = "workers";
    private static final String FIELD = "job";
    private static final Duration MAX_BLOCK = Duration.ofSeconds(1);
    private static final LuaScript ACKNOWLEDGE = LuaScript.of("""
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            return 1
            """);
    private static final LuaScript SIZE = LuaScript.of("""
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1])
            return redis.call('XLEN', KEYS[1]) - pending[1]
            """);
    private static final LuaScript REFRESH = LuaScript.of("""
            local entry = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
            if #entry == 0 or entry[1][2] ~= ARGV[3] then return 0 end
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
            return 1
            """);

    private final RedisGateway redis;
    private final String stream;
    private final String consumer;
    private final Duration leaseTimeout;
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;
    private volatile Consumer<String> leaseLost = jobId -> {};
    private volatile long nextReclaimNanos;

    /**
     * Creates the queue, and its consumer group when missing, and starts refreshing leases.
     *
     * @param consumer this node's name in the consumer group, usually the pod name
     */
    public RedisJobQueue(RedisGateway redis, String consumer) {
        this.redis = redis;
        this.stream = redis.keys().queue();
        this.consumer = consumer;
        this.leaseTimeout = redis.settings().leaseTimeout();
        createGroup();
        long period = Math.max(250, leaseTimeout.toMillis() / 4);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agenticore-queue-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::refreshLeases, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Sets the listener called with a job id when another node claimed a lease this node still
     * held, after the lease timeout. The worker usually stops the job's agent then.
     */
    public void onLeaseLost(Consumer<String> listener) {
        this.leaseLost = listener;
    }

    @Override
    public void enqueue(String jobId) {
        redis.call(
                "enqueue job " + jobId, client -> client.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of(FIELD, jobId)));
    }

    /**
     * {@inheritDoc} Entries whose lease expired are taken before new ones, so a dead node's jobs
     * are handled promptly.
     */
    @Override
    public Optional<QueueLease> take(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<QueueLease> reclaimed = reclaim();
        if (reclaimed.isPresent()) {
            return reclaimed;
        }
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while taking a job");
            }
            long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            Optional<QueueLease> lease = readNew(Math.min(remaining, MAX_BLOCK.toMillis()));
            if (lease.isPresent() || System.nanoTime() - deadline >= 0) {
                return lease;
            }
        }
    }

    @Override
    public void release(QueueLease lease) {
        held.remove(lease.token());
    }

    @Override
    public void acknowledge(QueueLease lease) {
        held.remove(lease.token());
        redis.eval("acknowledge job " + lease.jobId(), ACKNOWLEDGE, List.of(stream), List.of(GROUP, lease.token()));
    }

    @Override
    public int size() {
        Object size = redis.eval("count queued jobs", SIZE, List.of(stream), List.of(GROUP));
        return Math.toIntExact((Long) size);
    }

    /** Returns true: queued ids live in Redis and outlast any node. */
    @Override
    public boolean survivesRestart() {
        return true;
    }

    /** Stops refreshing leases; leases still held expire after the lease timeout. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    private Optional<QueueLease> readNew(long blockMillis) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(1).block((int) blockMillis);
        List<Map.Entry<String, List<StreamEntry>>> read = redis.call("take a job", client -> {
            try {
                return client.xreadGroup(
                        GROUP, consumer, params, Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            } catch (JedisDataException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
                    throw e;
                }
                createGroup();
                return null;
            }
        });
        if (read == null || read.isEmpty() || read.get(0).getValue().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(lease(read.get(0).getValue().get(0)));
    }

    /** Claims one entry whose lease expired, at most once a second. */
    private Optional<QueueLease> reclaim() {
        long now = System.nanoTime();
        if (now - nextReclaimNanos < 0) {
            return Optional.empty();
        }
        nextReclaimNanos = now + 1_000_000_000L;
        Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.call("claim an expired lease", client -> {
            try {
                return client.xautoclaim(
                        stream,
                        GROUP,
                        consumer,
                        leaseTimeout.toMillis(),
                        new StreamEntryID(0, 0),
                        XAutoClaimParams.xAutoClaimParams().count(1));
            } catch (JedisDataException e) {
                log.debug("Claiming expired leases failed: {}", e.getMessage());
                return null;
            }
        });
        if (claimed == null
                || claimed.getValue().isEmpty()
                || claimed.getValue().get(0) == null) {
            return Optional.empty();
        }
        QueueLease lease = lease(claimed.getValue().get(0));
        log.warn("Job {}: claimed its queue entry after the lease of another node expired", lease.jobId());
        return Optional.of(lease);
    }

    private QueueLease lease(StreamEntry entry) {
        String jobId = entry.getFields().get(FIELD);
        QueueLease lease =
                new QueueLease(jobId == null ? "" : jobId, entry.getID().toString());
        held.put(lease.token(), lease.jobId());
        return lease;
    }

    private void refreshLeases() {
        for (Map.Entry<String, String> lease : held.entrySet()) {
            try {
                Object owned = redis.eval(
                        "refresh the lease of job " + lease.getValue(),
                        REFRESH,
                        List.of(stream),
                        List.of(GROUP, lease.getKey(), consumer));
                if (Long.valueOf(0).equals(owned) && held.remove(lease.getKey()) != null) {
                    log.warn("Job {}: another node took over its queue entry; stopping it here", lease.getValue());
                    leaseLost.accept(lease.getValue());
                }
            } catch (RuntimeException e) {
                log.warn("Refreshing the lease of job {} failed: {}", lease.getValue(), e.getMessage());
            }
        }
    }

    private void createGroup() {
        redis.call("create the queue's consumer group", client -> {
            try {
                return client.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true);
            } catch (JedisDataException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP")) {
                    return "exists";
                }
                throw e;
            }
        });
    }
}
