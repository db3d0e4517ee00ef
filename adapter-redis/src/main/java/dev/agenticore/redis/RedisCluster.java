package dev.agenticore.redis;

import dev.agenticore.core.job.RunningJobs;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every Redis adapter of one node over one shared {@link RedisGateway}: the job, worktree and
 * agent-mode stores, the queue, the locks, the node's heartbeat and its subscription to the cancel
 * and event channels. {@link #connect} creates them, {@link #runningJobs} attaches the node's
 * worker and {@link #start} joins the cluster.
 */
public final class RedisCluster implements AutoCloseable {
    private final RedisGateway gateway;
    private final String podName;
    private final RedisJobStore jobStore;
    private final RedisJobEventLog eventLog;
    private final RedisWorktreeStore worktreeStore;
    private final RedisCompletionStore completionStore;
    private final RedisConversationStore conversationStore;
    private final RedisStreamSettingsStore streamSettingsStore;
    private final RedisJobQueue queue;
    private final RedisLocks locks;
    private final RedisNode node;
    private final RedisSessionRelay sessionRelay;
    private RedisConversationLocks conversationLocks;
    private RedisSignals signals;
    private LocalWorker worker;

    private RedisCluster(RedisGateway gateway, String podName, Clock clock) {
        this.gateway = gateway;
        this.podName = podName;
        this.jobStore = new RedisJobStore(gateway);
        this.eventLog = new RedisJobEventLog(gateway, clock);
        this.worktreeStore = new RedisWorktreeStore(gateway);
        this.completionStore = new RedisCompletionStore(gateway);
        this.conversationStore = new RedisConversationStore(gateway);
        this.streamSettingsStore = new RedisStreamSettingsStore(gateway);
        this.queue = new RedisJobQueue(gateway, podName);
        this.locks = new RedisLocks(gateway);
        this.node = new RedisNode(gateway, podName, RedisNode.DEFAULT_INTERVAL, clock);
        this.sessionRelay = new RedisSessionRelay(gateway, podName);
    }

    /**
     * Creates the adapters of one node and the queue's consumer group when missing.
     *
     * @param podName this node's unique name in the cluster
     * @throws dev.agenticore.core.StorageException when Redis cannot be reached
     */
    public static RedisCluster connect(RedisSettings settings, String podName, Clock clock) {
        RedisGateway gateway = new RedisGateway(settings);
        try {
            return new RedisCluster(gateway, podName, clock);
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /** Returns the job store. */
    public RedisJobStore jobStore() {
        return jobStore;
    }

    /** Returns the job event log. */
    public RedisJobEventLog eventLog() {
        return eventLog;
    }

    /** Returns the worktree store. */
    public RedisWorktreeStore worktreeStore() {
        return worktreeStore;
    }

    /** Returns the agent-mode completion store. */
    public RedisCompletionStore completionStore() {
        return completionStore;
    }

    /** Returns the agent-mode conversation store. */
    public RedisConversationStore conversationStore() {
        return conversationStore;
    }

    /** Returns the agent-mode stream settings store. */
    public RedisStreamSettingsStore streamSettingsStore() {
        return streamSettingsStore;
    }

    /**
     * Returns the agent-mode conversation locks, created on the first call, whose locks expire
     * {@link RedisConversationLocks#DEFAULT_EXPIRY} after their last renewal.
     */
    public synchronized RedisConversationLocks conversationLocks() {
        if (conversationLocks == null) {
            conversationLocks = new RedisConversationLocks(locks, RedisConversationLocks.DEFAULT_EXPIRY);
        }
        return conversationLocks;
    }

    /**
     * Returns whether the node named {@code podName} is running: its heartbeat key exists, so it
     * wrote a heartbeat within the last three heartbeat intervals.
     *
     * @throws dev.agenticore.core.StorageException when Redis cannot be reached
     */
    public boolean isNodeAlive(String podName) {
        return node.status(podName).isPresent();
    }

    /**
     * Waits until no other running process uses this node's name.
     *
     * @throws IllegalStateException when another running node has the same name
     */
    public void ensureNameIsFree() throws InterruptedException {
        node.ensureNameIsFree();
    }

    /** Returns the job queue. */
    public RedisJobQueue queue() {
        return queue;
    }

    /**
     * Returns repository locks over Redis: a fetch of one mirror waits up to five minutes for the
     * lock, which expires after five minutes if its owner dies.
     */
    public dev.agenticore.core.workspace.RepositoryLocks repositoryLocks() {
        return key -> {
            try {
                RedisLocks.Lock lock = locks.acquire(
                                "repo:" + key, java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(5))
                        .orElseThrow(() -> new dev.agenticore.core.workspace.GitException(
                                "another node held the lock of repository " + key
                                        + " for five minutes; retry the job"));
                return () -> {
                    try {
                        lock.close();
                    } catch (RuntimeException e) {
                        // The lock expires by itself after five minutes, so a failed release only delays others.
                        org.slf4j.LoggerFactory.getLogger(RedisCluster.class)
                                .warn("Releasing the lock of repository {} failed", key, e);
                    }
                };
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.agenticore.core.workspace.GitException(
                        "interrupted while waiting for the lock of repository " + key, e);
            }
        };
    }

    /** Returns the named locks. */
    public RedisLocks locks() {
        return locks;
    }

    /** Returns the relay of client sessions, such as MCP event streams, between the nodes. */
    public RedisSessionRelay sessionRelay() {
        return sessionRelay;
    }

    /** Returns this node's heartbeat and drain flag. */
    public RedisNode node() {
        return node;
    }

    /**
     * Returns the running jobs of the whole cluster, for cancelling a job wherever it runs. Call
     * once, before {@link #start}.
     *
     * @param worker this node's job worker
     * @param wakeReaders wakes this node's event readers when any node appended an event
     */
    public synchronized RunningJobs runningJobs(LocalWorker worker, Runnable wakeReaders) {
        if (signals != null) {
            throw new IllegalStateException("runningJobs was already called");
        }
        this.worker = worker;
        Consumer<String> onEvent = jobId -> wakeReaders.run();
        signals = new RedisSignals(gateway, worker::stop, onEvent);
        return new RedisRunningJobs(worker::stop, signals);
    }

    /**
     * Joins the cluster: subscribes to cancels and events, starts the heartbeat and stops a job's
     * agent when its lease passes to another node.
     *
     * @throws IllegalStateException when {@link #runningJobs} was not called first
     */
    public synchronized void start() {
        if (signals == null) {
            throw new IllegalStateException("call runningJobs before start");
        }
        signals.start();
        sessionRelay.start();
        queue.onLeaseLost(worker::stop);
        node.start(worker, jobStore);
    }

    /**
     * Returns the health details of the connection: {@code store}, and {@code status: degraded}
     * with a reason when Redis does not reply to PING.
     */
    public Map<String, Object> health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("store", "redis");
        if (!gateway.ping()) {
            details.put("status", "degraded");
            details.put("redis", "unreachable at " + gateway.settings().redactedUrl());
        }
        details.put("draining", node.isDraining());
        return details;
    }

    /** Returns this node's name. */
    public String podName() {
        return podName;
    }

    /**
     * Leaves the cluster: stops the heartbeat, the subscriptions, the session relay and the renewal
     * of leases and conversation locks, then closes the pool.
     */
    @Override
    public synchronized void close() {
        node.close();
        sessionRelay.close();
        if (conversationLocks != null) {
            conversationLocks.close();
        }
        if (signals != null) {
            signals.close();
        }
        queue.close();
        gateway.close();
    }
}
