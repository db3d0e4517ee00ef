package dev.agenticore.core.memory;

import dev.agenticore.core.chat.Conversation;
import dev.agenticore.core.chat.ConversationStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link ConversationStore} in a map: nothing survives the process. Thread-safe. */
public final class InMemoryConversationStore implements ConversationStore {
    private final ConcurrentMap<String, Conversation> conversations = new ConcurrentHashMap<>();

    @Override
    public Optional<Conversation> find(String key) {
        return Optional.ofNullable(conversations.get(key));
    }

    @Override
    public void save(Conversation conversation) {
        conversations.put(conversation.key(), conversation);
    }

    @Override
    public void delete(String key) {
        conversations.remove(key);
    }
}
