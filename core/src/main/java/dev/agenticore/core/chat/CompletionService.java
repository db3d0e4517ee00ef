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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * them over: when the node stops, its queued and running completions stay in the store until
 * {@link #recover} fails them.
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
    private final AtomicInteger waiting = new AtomicInteger();
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "agent-completion");
        thread.setDaemon(true);
        return thread;
    });

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
     * @param nodes tells which other nodes sharing {@code store} are running
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
    }

    /**
     * Submits a completion. With {@code wait} the call returns the ended completion; without it,
     * the queued one.
     *
     * @throws InvalidRequestException when the uuid is not a safe id or the message is empty
     * @throws ConflictException when a completion with the uuid exists
     * @throws CapacityExceededException when no agent permit is free (with {@code wait}) or too many
     *     completions are waiting (without)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Completion submit(CompletionRequest request) throws InterruptedException {
        validate(request);
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
            background.execute(() -> runQueued(request));
        } catch (RuntimeException e) {
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
     * <p>NOTE: liveness is checked only here, at start-up, so the completions of a node that stops
     * for good while the others keep running stay queued or running until some node starts again.
     *
     * @return how many completions were failed
     */
    public int recover() {
        Map<String, Boolean> alive = new HashMap<>();
        int failed = 0;
        int skipped = 0;
        for (CompletionStatus status : List.of(CompletionStatus.QUEUED, CompletionStatus.RUNNING)) {
            for (Completion completion : store.list(status, Integer.MAX_VALUE)) {
                String owner = completion.podName();
                boolean own = owner.isEmpty() || owner.equals(podName);
                if (!own && alive.computeIfAbsent(owner, nodes::isAlive)) {
                    skipped++;
                    continue;
                }
                String reason = own
                        ? "the server restarted before the completion finished"
                        : "the node " + owner + " that ran the completion stopped before it finished";
                store.update(
                        completion.uuid(),
                        c -> c.status().isTerminal()
                                ? c
                                : c.ended(TurnResult.failure(reason + "; submit it again", "", 0), clock.instant()));
                log.info("Completion {} failed while {}: {}", completion.uuid(), status.wireName(), reason);
                failed++;
            }
        }
        if (skipped > 0) {
            log.info("Recovery left {} unfinished completions to the running nodes that accepted them", skipped);
        }
        return failed;
    }

    /** Stops the background threads; completions still waiting stay queued in the store. */
    @Override
    public void close() {
        background.shutdownNow();
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
        boolean permitted = false;
        try {
            while (!capacity.tryAcquire(PERMIT_POLL)) {
                // Waits like a queued job until an agent permit is free.
            }
            permitted = true;
            waiting.decrementAndGet();
            run(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info(
                    "Completion {}: the server stopped while it was {}",
                    request.uuid(),
                    permitted ? "running" : "queued");
        } catch (RuntimeException e) {
            log.error("Completion {} failed with an unexpected error", request.uuid(), e);
            store.update(
                    request.uuid(), c -> c.ended(TurnResult.failure("internal error: " + e, "", 0), clock.instant()));
        } finally {
            if (permitted) {
                capacity.release();
            } else {
                waiting.decrementAndGet();
            }
        }
    }

    /** Runs the agent for a stored completion while the caller holds a permit. */
    private Completion run(CompletionRequest request) throws InterruptedException {
        String uuid = request.uuid();
        store.update(uuid, c -> c.running(clock.instant()));
        log.info("Completion {} running", uuid);
        TurnResult result;
        try {
            result = awaitTurn(launcher.start(plan(request), id -> {}, ended -> {}));
        } catch (AgentStartException e) {
            result = TurnResult.failure(e.getMessage(), "", 0);
        }
        TurnResult ended = result;
        Completion stored =
                store.update(uuid, c -> c.ended(ended, clock.instant())).orElseThrow();
        log.info("Completion {} {}", uuid, stored.status().wireName());
        return stored;
    }

    private static TurnResult awaitTurn(ChatTurn turn) throws InterruptedException {
        try {
            return turn.awaitResult();
        } catch (InterruptedException e) {
            turn.cancel();
            throw e;
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
