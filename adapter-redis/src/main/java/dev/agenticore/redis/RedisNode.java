package dev.agenticore.redis;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * This node's presence in the cluster. Every interval it writes its heartbeat key {@code
 * <prefix>:node:<pod>} (expiring after three intervals) with its running job count, follows its
 * drain flag {@code <prefix>:node:<pod>:draining}, and stops the agents of local jobs that another
 * node has meanwhile ended, for example by a cancel whose message was lost during a Redis outage.
 * {@link #requestDrain}, {@link #cancelDrain} and {@link #status} may name any node and serve the
 * {@code drain} command. Thread-safe.
 */
public final class RedisNode implements AutoCloseable {
    /** How often the heartbeat runs when nothing else is configured. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(RedisNode.class);

    private final RedisGateway redis;
    private final String podName;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private volatile boolean draining;

    /** Creates the node without starting its heartbeat. */
    public RedisNode(RedisGateway redis, String podName, Duration interval, Clock clock) {
        this.redis = redis;
        this.podName = podName;
        this.interval = interval;
        this.clock = clock;
    }

    /** Starts the heartbeat for a worker whose jobs are in the given store. */
    public synchronized void start(LocalWorker worker, JobStore store) {
        if (scheduler != null) {
            return;
        }
        warnOnDuplicateName();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agenticore-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                () -> beatSafely(worker, store), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns whether this node follows a drain flag now. */
    public boolean isDraining() {
        return draining;
    }

    /** Sets a node's drain flag for at most {@code timeout}; the node stops taking jobs at its next heartbeat. */
    public void requestDrain(String node, Duration timeout) {
        String key = redis.keys().draining(node);
        redis.call(
                "set the drain flag of node " + node,
                client -> client.set(key, "1", SetParams.setParams().px(timeout.toMillis())));
    }

    /** Removes a node's drain flag, so it takes jobs again. */
    public void cancelDrain(String node) {
        String key = redis.keys().draining(node);
        redis.call("remove the drain flag of node " + node, client -> client.del(key));
    }

    /** Returns a node's last heartbeat, or empty when it has expired. */
    public Optional<NodeStatus> status(String node) {
        String key = redis.keys().node(node);
        String json = redis.call("read the heartbeat of node " + node, client -> client.get(key));
        return Optional.ofNullable(json).map(value -> RedisRecords.read(value, NodeStatus.class, key));
    }

    /** Returns the names of the nodes whose heartbeat has not expired, sorted. */
    public SortedSet<String> liveNodes() {
        SortedSet<String> names = new TreeSet<>();
        ScanParams params = new ScanParams().match(redis.keys().nodePattern()).count(100);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            String from = cursor;
            ScanResult<String> page = redis.call("list the node heartbeats", client -> client.scan(from, params));
            for (String key : page.getResult()) {
                String name = redis.keys().podNameOfHeartbeat(key);
                if (name != null) {
                    names.add(name);
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return names;
    }

    /**
     * Waits until no other running process sends heartbeats under this node's name: a heartbeat left
     * by this node before a restart stops changing and expires within three intervals.
     *
     * @throws IllegalStateException when the heartbeat under this name is renewed meanwhile, which
     *     means another node with the same name is running
     */
    public void ensureNameIsFree() throws InterruptedException {
        Optional<NodeStatus> first = status(podName);
        if (first.isEmpty()) {
            return;
        }
        log.info("Node {}: a heartbeat under this name exists; waiting for it to expire", podName);
        long deadline = System.nanoTime() + interval.multipliedBy(4).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(Math.max(50, interval.toMillis() / 2));
            Optional<NodeStatus> current = status(podName);
            if (current.isEmpty()) {
                return;
            }
            if (!current.get().updatedAt().equals(first.get().updatedAt())) {
                throw new IllegalStateException("another running node is named " + podName
                        + " (its heartbeats came at " + first.get().updatedAt() + " and "
                        + current.get().updatedAt() + "); give every node its own AGENTICORE_POD_NAME");
            }
        }
    }

    /** Stops the heartbeat and removes this node's heartbeat key, so the name is free at once. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            try {
                redis.call(
                        "remove the heartbeat of node " + podName,
                        client -> client.del(redis.keys().node(podName)));
            } catch (RuntimeException e) {
                // The key expires by itself within three heartbeat intervals.
                log.debug("Removing the heartbeat of node {} failed: {}", podName, e.getMessage());
            }
        }
    }

    private void warnOnDuplicateName() {
        try {
            status(podName)
                    .ifPresent(other -> log.warn(
                            "A node named {} sent a heartbeat at {}; unless that was this node before a"
                                    + " restart, give every node its own AGENTICORE_POD_NAME, because a"
                                    + " starting node fails the running jobs recorded under its name",
                            podName,
                            other.updatedAt()));
        } catch (RuntimeException e) {
            log.warn("Checking for another node named {} failed: {}", podName, e.getMessage());
        }
    }

    private void beatSafely(LocalWorker worker, JobStore store) {
        try {
            beat(worker, store);
        } catch (RuntimeException e) {
            log.warn(
                    "The heartbeat of node {} failed; trying again in {} ms: {}",
                    podName,
                    interval.toMillis(),
                    e.getMessage());
        }
    }

    private void beat(LocalWorker worker, JobStore store) {
        String flag = redis.keys().draining(podName);
        boolean flagged = redis.call("read the drain flag", client -> client.exists(flag));
        if (flagged != draining) {
            draining = flagged;
            worker.setDraining(flagged);
            log.info(flagged ? "Node {} is draining: it takes no new jobs" : "Node {} takes jobs again", podName);
        }
        NodeStatus status = new NodeStatus(podName, worker.runningCount(), draining, clock.instant());
        String key = redis.keys().node(podName);
        String json = RedisRecords.write(status);
        redis.call(
                "write the heartbeat",
                client -> client.set(key, json, SetParams.setParams().px(interval.toMillis() * 3)));
        for (String jobId : worker.runningJobIds()) {
            Optional<Job> job = store.find(jobId);
            if (job.isPresent() && job.get().status().isTerminal()) {
                log.info(
                        "Job {} ended as {} elsewhere; stopping its agent here",
                        jobId,
                        job.get().status().wireName());
                worker.stop(jobId);
            }
        }
    }
}
