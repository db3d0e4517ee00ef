package dev.agenticore.core.chat;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link ConversationLocks} in this process: a set of busy conversation keys. Enough for a server
 * whose conversations no other node serves. Thread-safe.
 */
public final class LocalConversationLocks implements ConversationLocks {
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Held> tryLock(String conversationKey) {
        if (!busy.add(conversationKey)) {
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            // A second close must not release the lock of a later holder of the same key.
            if (released.compareAndSet(false, true)) {
                busy.remove(conversationKey);
            }
        });
    }
}
