package dev.agenticore.core.chat;

import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.agent.RunOptions;
import dev.agenticore.core.profile.Profile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent for chat completion requests. A request first applies its slash tokens, and one
 * that contains only tokens gets the resulting stream settings as its reply and starts no agent. Any
 * other request takes an agent permit, or is rejected when none is free, then the lock of its
 * conversation, or is rejected when another request holds it. It resumes its conversation's session
 * when one is stored. A resumed session gets only the new user message; a new one gets the whole
 * conversation. Thread-safe.
 */
public final class ChatService {
    private static final Logger log = LoggerFactory.getLogger(ChatService.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final AgentModeSettings settings;
    private final Supplier<Profile> profile;
    private final AgentCapacity capacity;
    private final ConversationStore conversations;
    private final StreamSettingsStore streamSettings;
    private final Clock clock;
    private final ConversationResolver resolver;
    private final TurnLauncher launcher;
    private final ConversationLocks locks;

    /**
     * Creates the service of a server whose conversations no other node serves: a conversation is
     * busy only while this process runs a request on it.
     *
     * @param profile returns the profile the agent runs with; called on every request
     * @param capacity the node's agent permits, shared with jobs
     */
    public ChatService(
            AgentModeSettings settings,
            AgentRunner runner,
            Supplier<Profile> profile,
            AgentCapacity capacity,
            ConversationStore conversations,
            StreamSettingsStore streamSettings,
            Clock clock) {
        this(settings, runner, profile, capacity, conversations, streamSettings, new LocalConversationLocks(), clock);
    }

    /**
     * Creates the service.
     *
     * @param profile returns the profile the agent runs with; called on every request
     * @param capacity the node's agent permits, shared with jobs
     * @param locks the locks that mark a conversation busy while a request runs on it, shared by
     *     every node that shares {@code conversations}
     */
    public ChatService(
            AgentModeSettings settings,
            AgentRunner runner,
            Supplier<Profile> profile,
            AgentCapacity capacity,
            ConversationStore conversations,
            StreamSettingsStore streamSettings,
            ConversationLocks locks,
            Clock clock) {
        this.settings = settings;
        this.profile = profile;
        this.capacity = capacity;
        this.conversations = conversations;
        this.streamSettings = streamSettings;
        this.clock = clock;
        this.resolver = new ConversationResolver(settings.agentId(), settings.hashFallback());
        this.launcher = new TurnLauncher(settings, runner);
        this.locks = Objects.requireNonNull(locks, "locks must not be null");
    }

    /** Returns the settings of agent mode. */
    public AgentModeSettings settings() {
        return settings;
    }

    /**
     * Starts the reply to a request and returns at once.
     *
     * @throws InvalidRequestException when the request has no user message with text
     * @throws CapacityExceededException when every agent permit is taken
     * @throws ConflictException when another request of the same conversation is running, on any
     *     node that shares the conversation locks
     * @throws dev.agenticore.core.StorageException when the conversation locks cannot be reached
     * @throws dev.agenticore.core.agent.AgentStartException when the agent cannot be started
     */
    public ChatTurn open(ChatRequest request, String requestId) {
        int last = requireUserMessage(request);
        SlashCommands.Parsed parsed =
                SlashCommands.parse(request.messages().get(last).content());
        StreamSettings visibility = applyTokens(parsed.tokens());
        if (parsed.onlyTokens()) {
            log.info("Request {}: slash tokens {} only; stream settings {}", requestId, parsed.tokens(), visibility);
            return new ImmediateTurn(visibility.describe());
        }
        if (parsed.text().isBlank()) {
            throw new InvalidRequestException("messages", "the last user message is empty; send some text");
        }
        ConversationKey key = resolver.resolve(request);
        if (!capacity.tryAcquire()) {
            throw new CapacityExceededException(
                    "all " + capacity.limit() + " agent slots are busy; retry later", RETRY_AFTER);
        }
        ConversationLocks.Held lock;
        try {
            lock = lock(key);
        } catch (RuntimeException e) {
            capacity.release();
            throw e;
        }
        try {
            return start(request, requestId, key, lock, parsed.text(), visibility);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    private ChatTurn start(
            ChatRequest request,
            String requestId,
            ConversationKey key,
            ConversationLocks.Held lock,
            String message,
            StreamSettings visibility) {
        Optional<Conversation> stored = key.persistent() ? conversations.find(key.value()) : Optional.empty();
        boolean firstTurn = request.messages().stream().noneMatch(m -> m.role().equals("assistant"));
        // A hash matches every conversation that opens with the same messages, so a first turn
        // starts a new session instead of continuing an older conversation.
        boolean resume = stored.isPresent() && !(key.tier() == ConversationKey.Tier.CONTENT_HASH && firstTurn);
        String sessionId = resume ? stored.get().sessionId() : UUID.randomUUID().toString();
        String prompt = resume ? message : PromptText.flatten(request.messages(), request.lastUserIndex(), message);
        log.info(
                "Request {}: conv_key={} tier={} agent={} {} session {}",
                requestId,
                key.value(),
                key.tier().name().toLowerCase(Locale.ROOT),
                settings.agentId(),
                resume ? "resumes" : "starts",
                sessionId);
        RunOptions options = new RunOptions(
                true, resume ? "" : sessionId, key.persistent(), "", "", Set.copyOf(request.disabledMcpServers()));
        TurnLauncher.Plan plan = new TurnLauncher.Plan(
                "chat-" + UUID.randomUUID(),
                prompt,
                profile.get(),
                resume ? sessionId : "",
                options,
                request.timeout() != null ? request.timeout() : settings.defaultTimeout(),
                visibility);
        AtomicBoolean sessionStarted = new AtomicBoolean();
        return launcher.start(
                plan,
                started -> {
                    sessionStarted.set(true);
                    remember(key, stored, started);
                },
                result -> finish(key, lock, resume && !sessionStarted.get(), result));
    }

    private void remember(ConversationKey key, Optional<Conversation> stored, String sessionId) {
        if (!key.persistent()) {
            return;
        }
        Instant now = clock.instant();
        conversations.save(new Conversation(
                key.value(), sessionId, stored.map(Conversation::createdAt).orElse(now), now));
    }

    /**
     * Releases the conversation and the permit.
     *
     * @param resumeFailed whether the run tried to resume a session and the agent never reported it
     */
    private void finish(ConversationKey key, ConversationLocks.Held lock, boolean resumeFailed, TurnResult result) {
        try {
            if (resumeFailed && result.isError()) {
                // NOTE: the stored session could not be resumed (for example its transcript is gone), so
                // the conversation's next request starts a new session with the whole history.
                log.warn("Conversation {}: resuming its session failed; forgetting the session", key.value());
                conversations.delete(key.value());
            }
        } finally {
            release(lock);
        }
    }

    private StreamSettings applyTokens(List<String> tokens) {
        StreamSettings current = streamSettings.find(settings.agentId()).orElse(StreamSettings.DEFAULTS);
        StreamSettings changed = SlashCommands.apply(current, tokens);
        if (!changed.equals(current)) {
            streamSettings.save(settings.agentId(), changed);
            log.info("Agent {}: stream settings changed to {}", settings.agentId(), changed);
        }
        return changed;
    }

    private static int requireUserMessage(ChatRequest request) {
        if (request.messages().isEmpty()) {
            throw new InvalidRequestException("messages", "messages is required: send at least one message");
        }
        int last = request.lastUserIndex();
        if (last < 0) {
            throw new InvalidRequestException("messages", "messages must contain a message with role 'user'");
        }
        return last;
    }

    /** Takes the lock of a stored conversation. An ephemeral request has none to take. */
    private ConversationLocks.Held lock(ConversationKey key) {
        if (!key.persistent()) {
            return () -> {};
        }
        return locks.tryLock(key.value())
                .orElseThrow(() -> new ConflictException(
                        "conversation " + key.value() + " already has a request running; retry when it has finished"));
    }

    private void release(ConversationLocks.Held lock) {
        try {
            lock.close();
        } finally {
            capacity.release();
        }
    }
}
