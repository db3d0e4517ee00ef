package dev.agenticore.core.chat;

import java.util.Optional;

/**
 * Marks a conversation busy while one request runs on it, so that a second request on the same
 * conversation is rejected instead of running the same agent session twice. {@link
 * LocalConversationLocks} covers one process. An implementation on a store that several nodes share
 * covers the cluster, and must let the lock of a node that dies expire by itself. Thread-safe.
 */
public interface ConversationLocks {

    /**
     * Takes the lock of a conversation if no request holds it.
     *
     * @param conversationKey the full conversation key
     * @return the held lock, or empty when another request holds it
     * @throws dev.agenticore.core.StorageException when a shared store cannot be reached
     */
    Optional<Held> tryLock(String conversationKey);

    /** A held lock, released by closing it. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        /**
         * Releases the lock. Later calls do nothing, and implementations log a failure to release
         * instead of throwing it.
         */
        @Override
        void close();
    }
}
