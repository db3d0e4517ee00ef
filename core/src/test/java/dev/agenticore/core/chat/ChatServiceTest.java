package dev.agenticore.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.StorageException;
import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentEventListener;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.core.memory.InMemoryConversationStore;
import dev.agenticore.core.memory.InMemoryStreamSettingsStore;
import dev.agenticore.core.profile.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class ChatServiceTest {
    @TempDir
    Path temp;

    private final List<AgentInvocation> invocations = new CopyOnWriteArrayList<>();
    private final InMemoryConversationStore conversations = new InMemoryConversationStore();
    private volatile boolean deleteFails;
    private final InMemoryStreamSettingsStore streamSettings = new InMemoryStreamSettingsStore();
    private AgentCapacity capacity = new AgentCapacity(1);
    private ConversationLocks locks = new LocalConversationLocks();
    private InMemoryAgentRunner.Agent agent = ChatServiceTest::answerHello;

    private ChatService service() throws Exception {
        Path agentPackage = Files.createDirectories(temp.resolve("package"));
        Files.writeString(agentPackage.resolve("system.md"), "You are Anton.\n");
        AgentModeSettings settings = new AgentModeSettings(
                "anton-agent", "anton", agentPackage, temp.resolve("runs"), Duration.ofSeconds(10), true, 10);
        Profile profile = new Profile(
                "code", "", "sonnet", 5, false, false, "", "", "", Duration.ofMinutes(1), Map.of(), List.of());
        InMemoryAgentRunner runner = new InMemoryAgentRunner(
                (invocation, events) -> {
                    invocations.add(invocation);
                    return agent.run(invocation, events);
                },
                Clock.systemUTC());
        return new ChatService(
                settings,
                runner,
                () -> profile,
                capacity,
                conversationStore(),
                streamSettings,
                locks,
                Clock.systemUTC());
    }

    /** Returns {@link #conversations}, whose delete fails while {@link #deleteFails} is set. */
    private ConversationStore conversationStore() {
        return new ConversationStore() {
            @Override
            public Optional<Conversation> find(String key) {
                return conversations.find(key);
            }

            @Override
            public void save(Conversation conversation) {
                conversations.save(conversation);
            }

            @Override
            public void delete(String key) {
                if (deleteFails) {
                    throw new StorageException("delete conversation " + key, null);
                }
                conversations.delete(key);
            }
        };
    }

    private static AgentOutcome answerHello(AgentInvocation invocation, AgentEventListener events) {
        String session =
                invocation.sessionId().isEmpty() ? invocation.options().newSessionId() : invocation.sessionId();
        events.onEvent(new AgentEvent.SessionStarted(session, "sonnet"));
        events.onEvent(new AgentEvent.ThinkingDelta("hmm"));
        events.onEvent(new AgentEvent.TextDelta("Hel"));
        events.onEvent(new AgentEvent.TextDelta("lo"));
        events.onEvent(new AgentEvent.AssistantText("Hello"));
        events.onEvent(new AgentEvent.ToolCall("t1", "Bash", "{\"command\":\"ls\"}"));
        events.onEvent(new AgentEvent.ToolResult("t1", "a.txt", false));
        events.onEvent(new AgentEvent.AssistantText("Done"));
        return new AgentOutcome(0, "Done", false, "", session, 0.01, 2, 50L, null);
    }

    private static ChatRequest request(Map<String, String> headers, String... userThenAssistant) {
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < userThenAssistant.length; i++) {
            messages.add(new ChatMessage(i % 2 == 0 ? "user" : "assistant", userThenAssistant[i]));
        }
        return new ChatRequest(messages, true, false, null, List.of(), "", "", headers);
    }

    private static List<ChatUpdate> drain(ChatTurn turn) throws InterruptedException {
        List<ChatUpdate> updates = new ArrayList<>();
        while (true) {
            Optional<ChatUpdate> update = turn.next(Duration.ofSeconds(5));
            assertThat(update).as("an update within 5 s").isPresent();
            updates.add(update.get());
            if (update.get() instanceof ChatUpdate.Finished) {
                return updates;
            }
        }
    }

    @Test
    void textIsSentOnceAndToolsAsReasoning() throws Exception {
        List<ChatUpdate> updates = drain(service().open(request(Map.of(), "hi"), "r1"));

        assertThat(updates.subList(0, updates.size() - 1))
                .containsExactly(
                        new ChatUpdate.Reasoning("hmm"),
                        new ChatUpdate.Content("Hel"),
                        new ChatUpdate.Content("lo"),
                        new ChatUpdate.Reasoning(ToolBlocks.call("Bash", "{\"command\":\"ls\"}")),
                        new ChatUpdate.Reasoning(ToolBlocks.result("a.txt", false)),
                        new ChatUpdate.Content("Done"));
        TurnResult result = ((ChatUpdate.Finished) updates.get(updates.size() - 1)).result();
        assertThat(result.isError()).isFalse();
        assertThat(result.text()).isEqualTo("Done");
    }

    @Test
    void resultTextIsSentWhenNoTextCame() throws Exception {
        agent = (invocation, events) -> new AgentOutcome(0, "only result", false, "", "", null, 1, 5L, null);

        List<ChatUpdate> updates = drain(service().open(request(Map.of(), "hi"), "r1"));

        assertThat(updates.get(0)).isEqualTo(new ChatUpdate.Content("only result"));
        assertThat(updates).hasSize(2);
    }

    @Test
    void hiddenThinkingAndToolsAreLeftOut() throws Exception {
        List<ChatUpdate> updates = drain(service().open(request(Map.of(), "/hide-all hi"), "r1"));

        assertThat(updates).noneMatch(ChatUpdate.Reasoning.class::isInstance);
        assertThat(streamSettings.find("anton")).contains(new StreamSettings(false, false));
        assertThat(invocations.get(0).prompt()).isEqualTo("hi");
    }

    @Test
    void onlyTokensAnswerWithoutAgent() throws Exception {
        List<ChatUpdate> updates = drain(service().open(request(Map.of(), "/hide-thinking"), "r1"));

        assertThat(invocations).isEmpty();
        assertThat(updates.get(0)).isEqualTo(new ChatUpdate.Content(new StreamSettings(false, true).describe()));
        assertThat(streamSettings.find("anton")).contains(new StreamSettings(false, true));
        assertThat(capacity.inUse()).isZero();
    }

    @Test
    void secondRequestResumesWithLastMessage() throws Exception {
        ChatService service = service();
        Map<String, String> headers = Map.of("X-Conversation-Id", "c-1");
        drain(service.open(request(headers, "remember pelican"), "r1"));
        drain(service.open(request(headers, "remember pelican", "Done", "/hide-tools which word?"), "r2"));

        AgentInvocation first = invocations.get(0);
        AgentInvocation second = invocations.get(1);
        assertThat(first.sessionId()).isEmpty();
        assertThat(first.options().newSessionId()).isNotEmpty();
        assertThat(first.options().appendSystemPrompt()).isEqualTo("You are Anton.");
        assertThat(first.options().partialMessages()).isTrue();
        assertThat(second.sessionId()).isEqualTo(first.options().newSessionId());
        assertThat(second.options().newSessionId()).isEmpty();
        assertThat(second.prompt()).isEqualTo("which word?");
        assertThat(conversations.find("conv:anton:-:c-1").orElseThrow().sessionId())
                .isEqualTo(first.options().newSessionId());
    }

    @Test
    void newSessionGetsWholeConversation() throws Exception {
        drain(service().open(request(Map.of("X-Conversation-Id", "new"), "a", "b", "c /show-all"), "r1"));

        assertThat(invocations.get(0).prompt()).isEqualTo("[user] a\n[assistant] b\n[user] c");
    }

    @Test
    void hashFirstTurnStartsNewSession() throws Exception {
        ChatService service = service();
        drain(service.open(request(Map.of(), "hello"), "r1"));
        drain(service.open(request(Map.of(), "hello"), "r2"));
        drain(service.open(request(Map.of(), "hello", "Done", "again"), "r3"));

        assertThat(invocations.get(1).sessionId()).isEmpty();
        assertThat(invocations.get(2).sessionId())
                .isEqualTo(invocations.get(1).options().newSessionId());
    }

    @Test
    void fullCapacityRejectsWithoutAgent() throws Exception {
        ChatService service = service();
        capacity.tryAcquire();

        assertThatThrownBy(() -> service.open(request(Map.of(), "hi"), "r1"))
                .isInstanceOf(CapacityExceededException.class)
                .hasMessageContaining("agent slots are busy");
        assertThat(invocations).isEmpty();
    }

    @Test
    void busyConversationConflicts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        agent = (invocation, events) -> {
            release.await();
            return new AgentOutcome(0, "ok", false, "", "", null, 1, 1L, null);
        };
        capacity = new AgentCapacity(2);
        ChatService service = service();
        Map<String, String> headers = Map.of("X-Conversation-Id", "busy");
        ChatTurn first = service.open(request(headers, "one"), "r1");

        assertThatThrownBy(() -> service.open(request(headers, "two"), "r2"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has a request running");
        release.countDown();
        drain(first);
    }

    @Test
    void sharedLocksConflictAcrossServices() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        agent = (invocation, events) -> {
            release.await();
            return new AgentOutcome(0, "ok", false, "", "", null, 1, 1L, null);
        };
        ChatService nodeA = service();
        capacity = new AgentCapacity(1);
        ChatService nodeB = service();
        Map<String, String> headers = Map.of("X-Conversation-Id", "shared");
        ChatTurn first = nodeA.open(request(headers, "one"), "r1");

        assertThatThrownBy(() -> nodeB.open(request(headers, "two"), "r2"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("conversation conv:anton:-:shared already has a request running");
        assertThat(capacity.inUse()).isZero();
        release.countDown();
        drain(first);
        drain(nodeB.open(request(headers, "one", "ok", "three"), "r3"));
        assertThat(invocations).hasSize(2);
    }

    @Test
    void lockFailureReleasesPermit() throws Exception {
        locks = key -> {
            throw new StorageException("take the lock of " + key, null);
        };
        ChatService service = service();

        assertThatThrownBy(() -> service.open(request(Map.of("X-Conversation-Id", "c-3"), "hi"), "r1"))
                .isInstanceOf(StorageException.class);
        assertThat(capacity.inUse()).isZero();
        assertThat(invocations).isEmpty();
    }

    @Test
    void endedTurnReleasesLock() throws Exception {
        List<String> released = new CopyOnWriteArrayList<>();
        ConversationLocks local = new LocalConversationLocks();
        locks = key -> local.tryLock(key).map(held -> () -> {
            released.add(key);
            held.close();
        });

        drain(service().open(request(Map.of("X-Conversation-Id", "c-4"), "hi"), "r1"));

        assertThat(released).containsExactly("conv:anton:-:c-4");
        assertThat(capacity.inUse()).isZero();
    }

    @Test
    void failedResumeForgetsSession() throws Exception {
        ChatService service = service();
        Map<String, String> headers = Map.of("X-Conversation-Id", "c-2");
        drain(service.open(request(headers, "one"), "r1"));
        agent = (invocation, events) ->
                new AgentOutcome(1, "", true, "No conversation found", "", null, null, null, null);

        List<ChatUpdate> updates = drain(service.open(request(headers, "one", "Done", "two"), "r2"));

        TurnResult result = ((ChatUpdate.Finished) updates.get(updates.size() - 1)).result();
        assertThat(result.isError()).isTrue();
        assertThat(result.error()).isEqualTo("No conversation found");
        assertThat(conversations.find("conv:anton:-:c-2")).isEmpty();
        assertThat(capacity.inUse()).isZero();
    }

    @Test
    void failedForgetReleasesLock() throws Exception {
        ChatService service = service();
        Map<String, String> headers = Map.of("X-Conversation-Id", "c-5");
        drain(service.open(request(headers, "one"), "r1"));
        agent = (invocation, events) ->
                new AgentOutcome(1, "", true, "No conversation found", "", null, null, null, null);
        deleteFails = true;

        drain(service.open(request(headers, "one", "Done", "two"), "r2"));

        assertThat(capacity.inUse()).isZero();
        assertThat(locks.tryLock("conv:anton:-:c-5")).isPresent();
    }

    @Test
    void timeoutStopsAgent() throws Exception {
        agent = (invocation, events) -> {
            Thread.sleep(60_000);
            return new AgentOutcome(0, "late", false, "", "", null, 1, 1L, null);
        };
        ChatRequest slow = new ChatRequest(
                List.of(new ChatMessage("user", "wait")),
                false,
                false,
                Duration.ofMillis(300),
                List.of(),
                "",
                "",
                Map.of());

        TurnResult result = service().open(slow, "r1").awaitResult();

        assertThat(result.isError()).isTrue();
        assertThat(result.error()).contains("timed out");
    }
}
