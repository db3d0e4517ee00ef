package dev.agenticore.core.chat;

import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.NotFoundException;
import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.agent.AgentStartException;
import dev.agenticore.core.agent.RunOptions;
import dev.agenticore.core.profile.Profile;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests of the completions API: with {@code wait} on the caller's thread, which needs a
 * free agent permit at once, and else on a background thread of this server that waits for a
 * permit. Each completion is a new agent session, and its record names the node that accepted it.
 * Thread-safe.
 *
 * <p>The queue of completions waiting for a permit lives in this process only, because the record
 * does not keep every option of the request (model, system prompt, limits). No other node takes
 * them over. When the server stops, {@link #stopAccepting} and {@link #close} fail the completions
 * it cannot finish. When a node dies without that, {@link #recover} at the next start of any node,
 * or {@link #sweep} on a running node, fails them.
 */
public final class CompletionService implements AutoCloseable {
    /** Default number of completions a list returns. */
    public static final int DEFAULT_LIST_LIMIT = 20;
    /** Maximum number of completions a list returns. */
    public static final int MAX_LIST_LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(CompletionService.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration PERMIT_POLL = Duration.ofMillis(500);
    /** How long {@link #close} waits for stopped agents to end, as the job worker does for jobs. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(40);

    private static final String SHUTDOWN_ERROR = "the server shut down before the completion finished; submit it again";
    /** Effort levels that Claude Code 2.1.197 lists for {@code --effort}. */
    private static final List<String> EFFORTS = List.of("low", "medium", "high", "xhigh", "max");

    private static final String EFFORTS_TEXT = String.join(", ", EFFORTS);

    private final AgentModeSettings settings;
    private final String podName;
    private final NodeLiveness nodes;
    private final Supplier<Profile> profile;
    private final AgentCapacity capacity;
    private final CompletionStore store;
    private final Clock clock;
    private final TurnLauncher launcher;
    private final CompletionRecovery recovery;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Uuids of the completions waiting on this node for a permit. */
    private final Set<String> queuedHere = ConcurrentHashMap.newKeySet();
    /** Uuids of the completions this node runs, from taking the permit until the record has ended. */
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    /** The agent turns of {@link #runningHere}, once started. */
    private final Map<String, ChatTurn> turns = new ConcurrentHashMap<>();

    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "agent-completion");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean accepting = true;
    private volatile boolean closed;
    private ScheduledExecutorService sweeper;

    /**
     * Creates the service of a server that shares its completion store with no other node; its
     * records name no node.
     */
    public CompletionService(
            AgentModeSettings settings,
            AgentRunner runner,
            Supplier<Profile> profile,
            AgentCapacity capacity,
            CompletionStore store,
            Clock clock) {
        this(settings, "", NodeLiveness.STANDALONE, runner, profile, capacity, store, clock);
    }

    /**
     * Creates the service of one node; {@code capacity} is shared with jobs and chat requests.
     *
     * @param podName this node's name, recorded on every completion it accepts
     * @param nodes reports which other nodes sharing {@code store} are running
     */
    public CompletionService(
            AgentModeSettings settings,
            String podName,
            NodeLiveness nodes,
            AgentRunner runner,
            Supplier<Profile> profile,
            AgentCapacity capacity,
            CompletionStore store,
            Clock clock) {
        this.settings = settings;
        this.podName = Objects.requireNonNull(podName, "podName must not be null");
        this.nodes = Objects.requireNonNull(nodes, "nodes must not be null");
        this.profile = profile;
        this.capacity = capacity;
        this.store = store;
        this.clock = clock;
        this.launcher = new TurnLauncher(settings, runner);
        this.recovery = new CompletionRecovery(store, podName, nodes, clock);
    }

    /**
     * Submits a completion. With {@code wait} the call returns the ended completion; without it,
     * the queued one.
     *
     * @throws InvalidRequestException when the uuid is not a safe id or the message is empty
     * @throws ConflictException when a completion with the uuid exists
     * @throws CapacityExceededException when no agent permit is free (with {@code wait}), too many
     *     completions are waiting (without), or the server is stopping
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Completion submit(CompletionRequest request) throws InterruptedException {
        validate(request);
        if (!accepting) {
            throw new CapacityExceededException(
                    "the server is shutting down; submit the completion to another node or retry later", RETRY_AFTER);
        }
        if (request.waitForResult()) {
            return runNow(request);
        }
        if (waiting.incrementAndGet() > settings.maxQueuedCompletions()) {
            waiting.decrementAndGet();
            throw new CapacityExceededException(
                    settings.maxQueuedCompletions() + " completions are already waiting; retry later", RETRY_AFTER);
        }
        Completion queued;
        try {
            queued = Completion.queued(request.uuid(), request.message(), request.meta(), podName, clock.instant());
            store.create(queued);
            queuedHere.add(request.uuid());
            background.execute(() -> runQueued(request));
        } catch (RuntimeException e) {
            queuedHere.remove(request.uuid());
            waiting.decrementAndGet();
            throw e;
        }
        log.info("Completion {} queued", request.uuid());
        return queued;
    }

    /**
     * Returns a completion.
     *
     * @throws NotFoundException when there is none with that uuid
     */
    public Completion get(String uuid) {
        return store.find(uuid).orElseThrow(() -> new NotFoundException("Completion not found: " + uuid));
    }

    /**
     * Lists completions, newest first.
     *
     * @param status a status wire name, or null or empty for all
     * @param limit 1 to {@value #MAX_LIST_LIMIT}, or null for {@value #DEFAULT_LIST_LIMIT}
     * @throws InvalidRequestException when the status or limit is invalid
     */
    public List<Completion> list(String status, Integer limit) {
        int effective = limit == null ? DEFAULT_LIST_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIST_LIMIT) {
            throw new InvalidRequestException(
                    "limit", "limit must be between 1 and " + MAX_LIST_LIMIT + ", got " + effective);
        }
        CompletionStatus filter = status == null || status.isEmpty() ? null : CompletionStatus.fromWireName(status);
        return store.list(filter, effective);
    }

    /**
     * Fails the completions that no thread will ever finish: the queued and running ones of this
     * node, left by its previous run, and those of other nodes that {@link NodeLiveness} reports as
     * stopped. A record that names no node counts as this node's. Call it once at start-up, before
     * any submission.
     *
     * @return how many completions were failed
     */
    public int recover() {
        return recovery.recover();
    }

    /**
     * Fails the queued and running completions of other nodes that {@link NodeLiveness} reports as
     * stopped, with an error that names the node, and stops the agents of this node's completions
     * that another node has ended meanwhile. A completion that ends at the same moment keeps its
     * result.
     *
     * @return how many completions of other nodes were failed
     */
    public int sweep() {
        int failed = recovery.sweep();
        stopEndedElsewhere();
        return failed;
    }

    /**
     * Runs {@link #sweep} every {@code interval}, the first time one interval from now, until
     * {@link #close}. A sweep that fails is logged and tried again at the next interval.
     */
    public synchronized void startSweeping(Duration interval) {
        if (sweeper != null || closed) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agent-completion-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(
                () -> sweepSafely(interval), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Completions of stopped nodes are failed every {} s", interval.toSeconds());
    }

    /**
     * Rejects new submissions and fails the completions still waiting for a permit on this node,
     * because no other node can run them. Running completions go on.
     */
    public void stopAccepting() {
        accepting = false;
        for (String uuid : Set.copyOf(queuedHere)) {
            failQueued(uuid);
        }
    }

    /**
     * Waits until no completion runs on this node or the timeout passes.
     *
     * @return true when none runs
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runningHere.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * Stops as the server stops: calls {@link #stopAccepting}, marks the completions still running
     * here as failed because the server shut down, stops their agents and waits up to 40 s for
     * them to end.
     */
    @Override
    public void close() {
        stopAccepting();
        synchronized (this) {
            closed = true;
            if (sweeper != null) {
                sweeper.shutdownNow();
            }
        }
        Set<String> running = Set.copyOf(runningHere);
        for (String uuid : running) {
            failRunning(uuid, SHUTDOWN_ERROR);
        }
        turns.values().forEach(ChatTurn::cancel);
        // No interrupt: a cancelled turn ends by itself, and threads waiting for a permit see that
        // the service stopped accepting within one poll.
        background.shutdown();
        try {
            if (!awaitIdle(STOP_WAIT)) {
                log.warn("Completions still running after shutdown: {}", runningHere);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Completion runNow(CompletionRequest request) throws InterruptedException {
        if (!capacity.tryAcquire()) {
            throw new CapacityExceededException(
                    "all " + capacity.limit() + " agent slots are busy; retry later", RETRY_AFTER);
        }
        try {
            store.create(
                    Completion.queued(request.uuid(), request.message(), request.meta(), podName, clock.instant()));
            return run(request);
        } finally {
            capacity.release();
        }
    }

    private void runQueued(CompletionRequest request) {
        String uuid = request.uuid();
        boolean permitted = false;
        try {
            while (!capacity.tryAcquire(PERMIT_POLL)) {
                // Waits like a queued job until an agent permit is free.
                if (!accepting) {
                    failQueued(uuid);
                    return;
                }
            }
            permitted = true;
            waiting.decrementAndGet();
            queuedHere.remove(uuid);
            if (!accepting) {
                failQueued(uuid);
                return;
            }
            run(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Completion {}: the server stopped while it was {}", uuid, permitted ? "running" : "queued");
        } catch (RuntimeException e) {
            log.error("Completion {} failed with an unexpected error", uuid, e);
            failRunning(uuid, "internal error: " + e);
        } finally {
            queuedHere.remove(uuid);
            if (permitted) {
                capacity.release();
            } else {
                waiting.decrementAndGet();
            }
        }
    }

    /**
     * Runs the agent for a stored completion while the caller holds a permit. A completion that
     * ended before it started (failed by {@link #stopAccepting}, or by another node that judged this
     * one stopped) is not run. The end of the run is stored only if no one ended the completion meanwhile.
     */
    private Completion run(CompletionRequest request) throws InterruptedException {
        String uuid = request.uuid();
        runningHere.add(uuid);
        try {
            Completion started = store.update(
                            uuid, c -> c.status() == CompletionStatus.QUEUED ? c.running(clock.instant()) : c)
                    .orElseThrow();
            if (started.status() != CompletionStatus.RUNNING) {
                log.info(
                        "Completion {} was {} before it started; not running it",
                        uuid,
                        started.status().wireName());
                return started;
            }
            log.info("Completion {} running", uuid);
            TurnResult result;
            try {
                result = awaitTurn(uuid, launcher.start(plan(request), id -> {}, ended -> {}));
            } catch (AgentStartException e) {
                result = TurnResult.failure(e.getMessage(), "", 0);
            }
            TurnResult ended = result;
            // The store may apply the change more than once while it retries, and the last call decides.
            AtomicBoolean stored = new AtomicBoolean();
            Completion current = store.update(uuid, c -> {
                        stored.set(!c.status().isTerminal());
                        return stored.get() ? c.ended(ended, clock.instant()) : c;
                    })
                    .orElseThrow();
            if (stored.get()) {
                log.info("Completion {} {}", uuid, current.status().wireName());
            } else {
                log.info(
                        "Completion {} had already ended as {}, which stays: {}",
                        uuid,
                        current.status().wireName(),
                        current.error());
            }
            return current;
        } finally {
            turns.remove(uuid);
            runningHere.remove(uuid);
        }
    }

    /** Waits for the turn. A turn that starts while the service closes is failed and stopped at once. */
    private TurnResult awaitTurn(String uuid, ChatTurn turn) throws InterruptedException {
        turns.put(uuid, turn);
        if (closed) {
            failRunning(uuid, SHUTDOWN_ERROR);
            turn.cancel();
        }
        return awaitTurn(turn);
    }

    private static TurnResult awaitTurn(ChatTurn turn) throws InterruptedException {
        try {
            return turn.awaitResult();
        } catch (InterruptedException e) {
            turn.cancel();
            throw e;
        }
    }

    /** Fails a completion that is still queued. One that started or ended meanwhile stays as it is. */
    private void failQueued(String uuid) {
        fail(uuid, false, "the server shut down before the completion started; submit it again");
    }

    /** Fails a completion unless it has ended meanwhile. */
    private void failRunning(String uuid, String error) {
        fail(uuid, true, error);
    }

    /**
     * Fails a completion that is queued or, with {@code includeRunning}, running. A store failure is
     * logged, because this runs while the server stops or after an error that is already logged.
     */
    private void fail(String uuid, boolean includeRunning, String error) {
        AtomicBoolean changed = new AtomicBoolean();
        try {
            store.update(uuid, c -> {
                boolean open = c.status() == CompletionStatus.QUEUED
                        || (includeRunning && c.status() == CompletionStatus.RUNNING);
                changed.set(open);
                return open ? c.ended(TurnResult.failure(error, "", 0), clock.instant()) : c;
            });
        } catch (RuntimeException e) {
            log.warn("Completion {}: storing its failure ({}) failed", uuid, error, e);
            return;
        }
        if (changed.get()) {
            log.info("Completion {} failed: {}", uuid, error);
        }
    }

    /**
     * Stops the agents of completions that run here but have ended in the store, because another
     * node failed them while this node's heartbeat had lapsed. A turn that starts while this runs
     * is checked at the next sweep.
     */
    private void stopEndedElsewhere() {
        for (Map.Entry<String, ChatTurn> entry : Map.copyOf(turns).entrySet()) {
            Optional<Completion> stored = store.find(entry.getKey());
            if (stored.isPresent() && stored.get().status().isTerminal()) {
                log.info(
                        "Completion {} ended as {} elsewhere; stopping its agent here",
                        entry.getKey(),
                        stored.get().status().wireName());
                entry.getValue().cancel();
            }
        }
    }

    private void sweepSafely(Duration interval) {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Sweeping the completions of stopped nodes failed; retrying in {} s", interval.toSeconds(), e);
        }
    }

    private TurnLauncher.Plan plan(CompletionRequest request) {
        RunOptions options = new RunOptions(
                false, UUID.randomUUID().toString(), !request.stateless(), request.systemPrompt(), "", Set.of());
        Duration timeout = request.timeoutSeconds() != null
                ? Duration.ofSeconds(request.timeoutSeconds())
                : settings.defaultTimeout();
        return new TurnLauncher.Plan(
                "completion-" + request.uuid(),
                request.message(),
                withOverrides(profile.get(), request),
                "",
                options,
                timeout,
                StreamSettings.DEFAULTS);
    }

    private static Profile withOverrides(Profile base, CompletionRequest request) {
        return new Profile(
                base.name(),
                base.description(),
                request.model().isEmpty() ? base.model() : request.model(),
                request.maxTurns() != null ? request.maxTurns() : base.maxTurns(),
                base.worktree(),
                base.autoPr(),
                base.permissionMode(),
                base.extendsName(),
                request.effort().isEmpty() ? base.effort() : request.effort(),
                base.timeout(),
                base.claudeFlags(),
                base.configDirectories());
    }

    private static void validate(CompletionRequest request) {
        if (request.uuid() == null || !SAFE_ID.matcher(request.uuid()).matches()) {
            throw new InvalidRequestException(
                    "uuid",
                    "uuid is required and must be 1 to 200 letters, digits, '.', '_' or '-', starting with a"
                            + " letter or digit");
        }
        if (request.message() == null || request.message().isBlank()) {
            throw new InvalidRequestException("message", "message is required and must not be empty");
        }
        if (request.maxTurns() != null && request.maxTurns() < 1) {
            throw new InvalidRequestException("max_turns", "max_turns must be at least 1, got " + request.maxTurns());
        }
        if (request.timeoutSeconds() != null && request.timeoutSeconds() < 1) {
            throw new InvalidRequestException(
                    "timeout", "timeout must be at least 1 second, got " + request.timeoutSeconds());
        }
        if (!request.effort().isEmpty() && !EFFORTS.contains(request.effort())) {
            throw new InvalidRequestException(
                    "effort", "effort must be one of " + EFFORTS_TEXT + ", got '" + request.effort() + "'");
        }
    }
}
