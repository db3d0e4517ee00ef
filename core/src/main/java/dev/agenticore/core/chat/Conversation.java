package dev.agenticore.core.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * The agent session of one conversation, which the conversation's next request resumes.
 *
 * @param key the conversation key, as {@link ConversationKey#value()}
 * @param sessionId the agent's session id
 * @param createdAt when the conversation was first stored
 * @param updatedAt when a request of the conversation last started
 */
public record Conversation(String key, String sessionId, Instant createdAt, Instant updatedAt) {
    public Conversation {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(sessionId, "sessionId must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(updatedAt, "updatedAt must not be null");
    }
}
