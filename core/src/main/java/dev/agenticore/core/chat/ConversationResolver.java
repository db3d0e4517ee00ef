package dev.agenticore.core.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the conversation of a chat request, trying in order: a conversation header ({@code
 * X-Conversation-Id}, {@code X-LibreChat-Conversation-Id}, {@code X-OpenWebUI-Chat-Id}), the body's
 * {@code metadata.conversation_id}, a SHA-256 hash of the first system message and the first user
 * message, and else a new random id that is never resumed. The key also contains the agent id and the
 * user ({@code X-User-Id}, {@code X-OpenWebUI-User-Id} or the body's {@code user}), so users of one
 * agent never share a conversation. Stateless and thread-safe.
 */
public final class ConversationResolver {
    private static final String[] CONVERSATION_HEADERS = {
        "x-conversation-id", "x-librechat-conversation-id", "x-openwebui-chat-id"
    };
    private static final String[] USER_HEADERS = {"x-user-id", "x-openwebui-user-id"};

    private final String agentId;
    private final boolean hashFallback;

    /**
     * Creates a resolver.
     *
     * @param agentId the agent whose conversations these are
     * @param hashFallback whether requests without an explicit id get the content-hash tier
     */
    public ConversationResolver(String agentId, boolean hashFallback) {
        this.agentId = agentId;
        this.hashFallback = hashFallback;
    }

    /** Returns the conversation key of a request. */
    public ConversationKey resolve(ChatRequest request) {
        Optional<String> header = request.header(CONVERSATION_HEADERS);
        if (header.isPresent()) {
            return key(request, header.get(), ConversationKey.Tier.HEADER);
        }
        if (!request.metadataConversationId().isEmpty()) {
            return key(request, request.metadataConversationId(), ConversationKey.Tier.BODY);
        }
        Optional<String> hash = hashFallback ? contentHash(request) : Optional.empty();
        if (hash.isPresent()) {
            return key(request, hash.get(), ConversationKey.Tier.CONTENT_HASH);
        }
        return key(request, UUID.randomUUID().toString(), ConversationKey.Tier.EPHEMERAL);
    }

    private ConversationKey key(ChatRequest request, String id, ConversationKey.Tier tier) {
        String user = request.header(USER_HEADERS).orElse(request.user());
        return new ConversationKey("conv:" + agentId + ":" + (user.isEmpty() ? "-" : user) + ":" + id, tier);
    }

    /** Returns the hash of the first system and first user message, or empty without user text. */
    static Optional<String> contentHash(ChatRequest request) {
        String system = "";
        String firstUser = null;
        for (ChatMessage message : request.messages()) {
            if (message.role().equals("system") && system.isEmpty()) {
                system = message.content();
            } else if (message.isUser() && firstUser == null) {
                firstUser = message.content();
            }
        }
        if (firstUser == null || firstUser.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(sha256(system + "\u0000" + firstUser));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
