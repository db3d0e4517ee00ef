package dev.agenticore.core.job;

import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentRun;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.workspace.JobWorkspace;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes queued jobs and runs each one while holding a permit of the node's {@link AgentCapacity},
 * which other agent runs on the node may share. Also recovers this node's jobs after a restart and
 * expires old ones. Thread-safe.
 */
public final class JobWorker implements RunningJobs, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
    private static final Duration TAKE_TIMEOUT = Duration.ofMillis(500);
    /** Pause between checks for a free slot while every slot is busy. */
    private static final Duration FULL_PAUSE = Duration.ofMillis(50);

    private final JobStore store;
    private final JobQueue queue;
    private final JobSettings settings;
    private final Clock clock;
    private final JobExecution execution;
    private final JobSweeper sweeper;
    private final AgentCapacity slots;
    private final Map<String, AgentRun> runs = new ConcurrentHashMap<>();
    private final Set<String> executing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private volatile JobLifecycleListener lifecycleListener = JobLifecycleListener.NONE;
    private final ExecutorService executor;
    private volatile boolean accepting;
    private volatile boolean draining;
    private Thread dispatcher;

    /**
     * Creates a worker with a capacity of its own of {@link JobSettings#maxParallelJobs()} agents;
     * {@link #start()} begins taking jobs.
     */
    public JobWorker(
            JobStore store,
            JobQueue queue,
            AgentRunner runner,
            ProfileCatalog profiles,
            JobWorkspace workspace,
            JobEventFeed events,
            JobSettings settings,
            Clock clock) {
        this(
                store,
                queue,
                runner,
                profiles,
                workspace,
                events,
                settings,
                clock,
                new AgentCapacity(settings.maxParallelJobs()));
    }

    /** Creates a worker whose jobs take their permits from {@code capacity}; {@link #start()} begins. */
    public JobWorker(
            JobStore store,
            JobQueue queue,
            AgentRunner runner,
            ProfileCatalog profiles,
            JobWorkspace workspace,
            JobEventFeed events,
            JobSettings settings,
            Clock clock,
            AgentCapacity capacity) {
        this.store = store;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.execution = new JobExecution(
                store,
                runner,
                profiles,
                workspace,
                events,
                settings,
                clock,
                runs,
                new StorageRetry(StorageRetry.DEFAULT_LIMIT));
        this.sweeper = new JobSweeper(store, events, clock);
        this.slots = capacity;
        this.executor = Executors.newCachedThreadPool(named("agenticore-job-"));
    }

    /** Recovers jobs left over from a previous run of this node, then starts taking jobs. */
    public synchronized void start() {
        if (dispatcher != null) {
            return;
        }
        new JobRecovery(store, queue, settings.podName(), clock).recover();
        accepting = true;
        dispatcher = named("agenticore-dispatcher").newThread(this::dispatch);
        dispatcher.start();
        sweeper.start(settings.sweepInterval());
        log.info("Job worker started on node {} with {} parallel slots", settings.podName(), slots.limit());
    }

    @Override
    public void stop(String jobId) {
        AgentRun run = runs.get(jobId);
        if (run != null) {
            log.info("Job {}: stopping the agent", jobId);
            run.cancel();
        }
    }

    /** Returns the number of jobs this node is running. */
    public int runningCount() {
        return active.get();
    }

    /** Returns the ids of the jobs this node is running. */
    public Set<String> runningJobIds() {
        return Set.copyOf(executing);
    }

    /**
     * Pauses or resumes taking jobs without stopping the worker, for draining a node of a cluster.
     * Running jobs go on either way.
     */
    public void setDraining(boolean value) {
        draining = value;
    }

    /** Returns whether the worker takes new jobs: started, not stopping and not draining. */
    public boolean isTakingJobs() {
        return accepting && !draining;
    }

    /** Returns whether the worker is paused by {@link #setDraining}. */
    public boolean isDraining() {
        return draining;
    }

    /** Sets the listener that receives every job this worker ran once it ended, replacing the previous one. */
    public void setLifecycleListener(JobLifecycleListener listener) {
        this.lifecycleListener = listener == null ? JobLifecycleListener.NONE : listener;
    }

    /** Stops taking new jobs; running jobs go on. */
    public void stopAccepting() {
        accepting = false;
        Thread thread = dispatcher;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Waits until no job runs on this node or the timeout passes.
     *
     * @return true when the node is idle
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (active.get() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * Stops taking jobs, marks the jobs still running as failed because the server shut down, ends
     * their agents and waits briefly for their threads.
     */
    @Override
    public void close() {
        stopAccepting();
        sweeper.close();
        for (String jobId : executing) {
            try {
                store.update(
                        jobId,
                        job -> job.status().isTerminal()
                                ? job
                                : job.toBuilder()
                                        .status(JobStatus.FAILED)
                                        .endedAt(clock.instant())
                                        .exitCode(-1)
                                        .error("the server shut down before the job finished")
                                        .build());
            } catch (RuntimeException e) {
                log.warn("Job {}: marking it failed at shutdown failed: {}", jobId, e.getMessage());
            }
            stop(jobId);
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(40, TimeUnit.SECONDS)) {
                log.warn("Job threads still running after shutdown: {}", active.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes a job only while a slot is free, then the slot. The dispatcher never holds a permit
     * while the queue is empty, because other users of the shared capacity would find it taken. It
     * leaves queued jobs in the queue while every slot is busy, so another node of a cluster can run
     * them.
     */
    private void dispatch() {
        while (accepting) {
            try {
                if (draining) {
                    Thread.sleep(TAKE_TIMEOUT.toMillis());
                    continue;
                }
                if (slots.inUse() >= slots.limit()) {
                    Thread.sleep(FULL_PAUSE.toMillis());
                    continue;
                }
                Optional<QueueLease> lease = queue.take(TAKE_TIMEOUT);
                if (lease.isEmpty()) {
                    continue;
                }
                if (draining) {
                    // The node started draining while it waited for a job, so another node runs it.
                    putBack(lease.get());
                    continue;
                }
                String jobId = lease.get().jobId();
                // A shared queue can hand back a job this node still runs when its lease lapsed.
                // The first run keeps the lease and acknowledges it, so the copy is skipped.
                if (executing.contains(jobId)) {
                    continue;
                }
                if (!slots.tryAcquire()) {
                    // Another user of the capacity took the last slot since the check above.
                    putBack(lease.get());
                    continue;
                }
                if (!executing.add(jobId)) {
                    slots.release();
                    continue;
                }
                active.incrementAndGet();
                try {
                    executor.execute(() -> runLeased(lease.get()));
                } catch (RejectedExecutionException e) {
                    executing.remove(jobId);
                    active.decrementAndGet();
                    slots.release();
                    putBack(lease.get());
                    return;
                }
            } catch (InterruptedException e) {
                if (!accepting) {
                    return;
                }
            } catch (RuntimeException e) {
                log.error("Taking a job from the queue failed; retrying in one second", e);
                pause();
            }
        }
    }

    /** Returns a leased job to the queue, where it stays queued for the next start of a worker. */
    private void putBack(QueueLease lease) {
        queue.enqueue(lease.jobId());
        queue.acknowledge(lease);
    }

    /**
     * Runs a leased job and acknowledges the lease once the job has ended. When the run throws, for
     * example because the store stayed unavailable past the retry limit, the job may still be
     * recorded as running, so the lease is released unacknowledged. A shared queue then hands the
     * job to a node that fails it as lost; on a single node, recovery at the next start handles it.
     */
    private void runLeased(QueueLease lease) {
        boolean ended = false;
        try {
            execution.run(lease.jobId());
            ended = true;
            reportEnded(lease.jobId());
        } catch (RuntimeException e) {
            log.error("Job {}: running it failed; leaving it to recovery", lease.jobId(), e);
        } finally {
            executing.remove(lease.jobId());
            active.decrementAndGet();
            slots.release();
            if (ended) {
                acknowledge(lease);
            } else {
                queue.release(lease);
            }
        }
    }

    /** Acknowledges a lease; a queue that keeps it after a failure hands it out again later. */
    private void acknowledge(QueueLease lease) {
        try {
            queue.acknowledge(lease);
        } catch (RuntimeException e) {
            log.warn("Job {}: acknowledging its queue lease failed; the queue may hand it out again", lease.jobId(), e);
        }
    }

    private void reportEnded(String jobId) {
        try {
            store.find(jobId).filter(job -> job.status().isTerminal()).ifPresent(lifecycleListener::jobEnded);
        } catch (RuntimeException e) {
            log.warn("Job {}: the lifecycle listener failed", jobId, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
