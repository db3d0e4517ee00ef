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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class CompletionServiceTest {
    @TempDir
    Path temp;

    private final List<AgentInvocation> invocations = new CopyOnWriteArrayList<>();
    private final InMemoryCompletionStore store = new InMemoryCompletionStore();
    private final AgentCapacity capacity = new AgentCapacity(1);
    private final Set<String> runningNodes = ConcurrentHashMap.newKeySet();
    private CompletionService service;

    @BeforeEach
    void create() throws Exception {
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
                    return new AgentOutcome(0, "did " + invocation.prompt(), false, "", "s-1", 0.5, 2, 10L, null);
                },
                Clock.systemUTC());
        service = new CompletionService(
                settings, "node-a", runningNodes::contains, runner, () -> profile, capacity, store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        service.close();
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
}
