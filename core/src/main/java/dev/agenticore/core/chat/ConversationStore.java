package dev.agenticore.core.chat;

import java.util.Optional;

/** Stores which agent session each conversation resumes. Thread-safe. */
public interface ConversationStore {

    /** Returns the conversation stored under a key, or empty. */
    Optional<Conversation> find(String key);

    /** Stores a conversation, replacing the one with the same key. */
    void save(Conversation conversation);

    /** Removes the conversation with a key; removing an unknown key does nothing. */
    void delete(String key);
}
