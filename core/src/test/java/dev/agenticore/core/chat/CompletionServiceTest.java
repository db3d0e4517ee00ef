package dev.agenticore.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.core.memory.InMemoryCompletionStore;
import dev.agenticore.core.profile.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class CompletionServiceTest {
    @TempDir
    Path temp;

    /** The time of the service's fixed clock. */
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final List<AgentInvocation> invocations = new CopyOnWriteArrayList<>();
    private final InMemoryCompletionStore store = new InMemoryCompletionStore();
    private final AgentCapacity capacity = new AgentCapacity(1);
    private final Set<String> runningNodes = ConcurrentHashMap.newKeySet();
    private final CountDownLatch agentStarted = new CountDownLatch(1);
    private final CountDownLatch agentStopped = new CountDownLatch(1);
    private volatile InMemoryAgentRunner.Agent agent = (invocation, events) ->
            new AgentOutcome(0, "did " + invocation.prompt(), false, "", "s-1", 0.5, 2, 10L, null);
    private final List<CompletionService> services = new CopyOnWriteArrayList<>();
    private CompletionService service;

    @BeforeEach
    void create() throws Exception {
        service = service(store);
    }

    @AfterEach
    void close() {
        services.forEach(CompletionService::close);
    }

    /** Creates a service of node {@code node-a} on the given store, with a clock fixed at {@link #NOW}. */
    private CompletionService service(CompletionStore completions) throws Exception {
        AgentModeSettings settings = new AgentModeSettings(
                "anton-agent",
                "anton",
                Files.createDirectories(temp.resolve("package")),
                temp.resolve("runs"),
                Duration.ofSeconds(10),
                true,
                1);
        Profile profile = new Profile(
                "code", "", "sonnet", 5, false, false, "", "", "high", Duration.ofMinutes(1), Map.of(), List.of());
        InMemoryAgentRunner runner = new InMemoryAgentRunner(
                (invocation, events) -> {
                    invocations.add(invocation);
                    return agent.run(invocation, events);
                },
                Clock.systemUTC());
        CompletionService created = new CompletionService(
                settings,
                "node-a",
                runningNodes::contains,
                runner,
                () -> profile,
                capacity,
                completions,
                Clock.fixed(NOW, ZoneOffset.UTC));
        services.add(created);
        return created;
    }

    /** Makes the agent run until it is stopped, counting down {@link #agentStarted} and {@link #agentStopped}. */
    private void agentRunsUntilStopped() {
        agent = (invocation, events) -> {
            agentStarted.countDown();
            try {
                Thread.sleep(60_000);
            } finally {
                agentStopped.countDown();
            }
            return new AgentOutcome(0, "too late", false, "", "s-1", null, 1, 1L, null);
        };
    }

    /** Waits until the stored completion has the status, and returns it. */
    private Completion awaitStatus(String uuid, CompletionStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.find(uuid).orElseThrow().status() != status && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return store.find(uuid).orElseThrow();
    }

    private static CompletionRequest request(String uuid, boolean wait) {
        return new CompletionRequest("fix it", uuid, wait, true, "opus", 3, "Only this.", "low", 30, "{}");
    }

    @Test
    void syncCompletionAppliesOverrides() throws Exception {
        Completion done = service.submit(request("req-1", true));

        AgentInvocation invocation = invocations.get(0);
        assertThat(done.status()).isEqualTo(CompletionStatus.COMPLETED);
        assertThat(done.result()).isEqualTo("did fix it");
        assertThat(done.sessionId()).isEqualTo("s-1");
        assertThat(invocation.profile().model()).isEqualTo("opus");
        assertThat(invocation.profile().maxTurns()).isEqualTo(3);
        assertThat(invocation.profile().effort()).isEqualTo("low");
        assertThat(invocation.options().systemPrompt()).isEqualTo("Only this.");
        assertThat(invocation.options().persistSession()).isFalse();
        assertThat(capacity.inUse()).isZero();
    }

    @Test
    void asyncCompletionEndsInBackground() throws Exception {
        Completion queued = service.submit(request("req-2", false));

        assertThat(queued.status()).isEqualTo(CompletionStatus.QUEUED);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!service.get("req-2").status().isTerminal() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(service.get("req-2").status()).isEqualTo(CompletionStatus.COMPLETED);
    }

    @Test
    void syncWithoutPermitIsRejected() {
        capacity.tryAcquire();

        assertThatThrownBy(() -> service.submit(request("req-3", true))).isInstanceOf(CapacityExceededException.class);
        assertThat(store.find("req-3")).isEmpty();
    }

    @Test
    void invalidRequestsNameTheField() {
        assertThatThrownBy(() -> service.submit(request("a/b", true)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("uuid");
        assertThatThrownBy(
                        () -> service.submit(new CompletionRequest(" ", "u", true, false, "", null, "", "", null, "")))
                .hasMessageContaining("message is required");
        assertThatThrownBy(() ->
                        service.submit(new CompletionRequest("m", "u", true, false, "", null, "", "extreme", null, "")))
                .hasMessageContaining("effort must be one of");
    }

    @Test
    void recoverFailsLeftoverCompletions() {
        Instant now = Instant.now();
        store.create(Completion.queued("old-queued", "m", "", "node-a", now));
        store.create(Completion.queued("old-running", "m", "", "node-a", now).running(now));
        store.create(Completion.queued("unnamed", "m", "", now).running(now));

        int failed = service.recover();

        assertThat(failed).isEqualTo(3);
        assertThat(store.find("old-queued").orElseThrow().status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(store.find("old-running").orElseThrow().error()).contains("restarted");
        assertThat(store.find("unnamed").orElseThrow().status()).isEqualTo(CompletionStatus.FAILED);
    }

    @Test
    void recoverLeavesRunningNodesAlone() {
        Instant now = Instant.now();
        runningNodes.add("node-b");
        store.create(Completion.queued("b-queued", "m", "", "node-b", now));
        store.create(Completion.queued("b-running", "m", "", "node-b", now).running(now));
        store.create(Completion.queued("c-running", "m", "", "node-c", now).running(now));
        Completion ended =
                Completion.queued("c-ended", "m", "", "node-c", now).ended(TurnResult.failure("timed out", "", 1), now);
        store.create(ended);

        int failed = service.recover();

        assertThat(failed).isEqualTo(1);
        assertThat(store.find("b-queued").orElseThrow().status()).isEqualTo(CompletionStatus.QUEUED);
        assertThat(store.find("b-running").orElseThrow().status()).isEqualTo(CompletionStatus.RUNNING);
        Completion lost = store.find("c-running").orElseThrow();
        assertThat(lost.status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(lost.error()).contains("node node-c ");
        assertThat(store.find("c-ended")).contains(ended);
    }

    @Test
    void submittedCompletionNamesNode() throws Exception {
        Completion done = service.submit(request("req-9", true));

        assertThat(done.podName()).isEqualTo("node-a");
        assertThat(store.find("req-9").orElseThrow().podName()).isEqualTo("node-a");
    }

    @Test
    void sweepFailsCompletionsOfStoppedNodes() {
        Instant created = NOW.minusSeconds(60);
        runningNodes.add("node-b");
        store.create(Completion.queued("own-queued", "m", "", "node-a", created));
        store.create(
                Completion.queued("own-running", "m", "", "node-a", created).running(created));
        store.create(Completion.queued("unnamed", "m", "", created).running(created));
        store.create(Completion.queued("b-running", "m", "", "node-b", created).running(created));
        store.create(Completion.queued("c-queued", "m", "", "node-c", created));
        store.create(Completion.queued("c-running", "m", "", "node-c", created).running(created));

        int failed = service.sweep();

        assertThat(failed).isEqualTo(2);
        assertThat(store.find("own-queued").orElseThrow().status()).isEqualTo(CompletionStatus.QUEUED);
        assertThat(store.find("own-running").orElseThrow().status()).isEqualTo(CompletionStatus.RUNNING);
        assertThat(store.find("unnamed").orElseThrow().status()).isEqualTo(CompletionStatus.RUNNING);
        assertThat(store.find("b-running").orElseThrow().status()).isEqualTo(CompletionStatus.RUNNING);
        assertThat(store.find("c-queued").orElseThrow().status()).isEqualTo(CompletionStatus.FAILED);
        Completion lost = store.find("c-running").orElseThrow();
        assertThat(lost.status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(lost.error()).contains("the node node-c that ran the completion stopped");
        assertThat(lost.isError()).isTrue();
        assertThat(lost.endedAt()).isEqualTo(NOW);
    }

    @Test
    void sweepKeepsResultThatEndedFirst() throws Exception {
        Instant created = NOW.minusSeconds(60);
        Completion running =
                Completion.queued("c-done", "m", "", "node-c", created).running(created);
        TurnResult answer = new TurnResult("the real answer", false, "", "s-7", null, 0.2, 900L, 3);
        Completion completed = running.ended(answer, NOW.minusSeconds(1));
        store.create(completed);
        // The list still shows the completion as running, as a list read just before node-c stored
        // its result would.
        CompletionStore staleList = new CompletionStore() {
            @Override
            public void create(Completion completion) {
                store.create(completion);
            }

            @Override
            public Optional<Completion> find(String uuid) {
                return store.find(uuid);
            }

            @Override
            public Optional<Completion> update(String uuid, UnaryOperator<Completion> change) {
                return store.update(uuid, change);
            }

            @Override
            public List<Completion> list(CompletionStatus status, int limit) {
                return status == CompletionStatus.RUNNING ? List.of(running) : store.list(status, limit);
            }
        };

        int failed = service(staleList).sweep();

        assertThat(failed).isZero();
        assertThat(store.find("c-done")).contains(completed);
    }

    @Test
    void sweepStopsAgentOfCompletionFailedElsewhere() throws Exception {
        agentRunsUntilStopped();
        service.submit(request("req-elsewhere", false));
        assertThat(agentStarted.await(10, TimeUnit.SECONDS)).isTrue();
        String error = "the node node-a that ran the completion stopped before it finished; submit it again";
        store.update("req-elsewhere", c -> c.ended(TurnResult.failure(error, "", 0), NOW));

        // A sweep between the start of the agent and the registration of its turn misses it, so
        // this sweeps again as the periodic sweep would.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            service.sweep();
        } while (!agentStopped.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);

        assertThat(agentStopped.getCount()).isZero();
        assertThat(service.awaitIdle(Duration.ofSeconds(10))).isTrue();
        Completion stored = store.find("req-elsewhere").orElseThrow();
        assertThat(stored.status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(stored.error()).isEqualTo(error);
    }

    @Test
    void closeFailsRunningCompletion() throws Exception {
        agentRunsUntilStopped();
        service.submit(request("req-running", false));
        assertThat(agentStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(awaitStatus("req-running", CompletionStatus.RUNNING).status())
                .isEqualTo(CompletionStatus.RUNNING);

        service.close();

        assertThat(agentStopped.getCount()).isZero();
        Completion stored = store.find("req-running").orElseThrow();
        assertThat(stored.status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(stored.error()).contains("the server shut down before the completion finished");
        assertThat(stored.endedAt()).isEqualTo(NOW);
        assertThat(capacity.inUse()).isZero();
    }

    @Test
    void stopAcceptingFailsQueuedCompletion() throws Exception {
        capacity.tryAcquire();
        service.submit(request("req-queued", false));

        service.stopAccepting();
        capacity.release();
        Thread.sleep(1000);

        Completion stored = store.find("req-queued").orElseThrow();
        assertThat(stored.status()).isEqualTo(CompletionStatus.FAILED);
        assertThat(stored.error()).contains("the server shut down before the completion started");
        assertThat(invocations).isEmpty();
        assertThat(capacity.inUse()).isZero();
    }

    @Test
    void stoppingServiceRejectsSubmissions() {
        service.stopAccepting();

        assertThatThrownBy(() -> service.submit(request("req-late", false)))
                .isInstanceOf(CapacityExceededException.class)
                .hasMessageContaining("shutting down");
        assertThatThrownBy(() -> service.submit(request("req-late", true)))
                .isInstanceOf(CapacityExceededException.class)
                .hasMessageContaining("shutting down");
        assertThat(store.find("req-late")).isEmpty();
    }
}
