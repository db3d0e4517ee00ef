package dev.agenticore.redis;

import dev.agenticore.core.chat.ConversationLocks;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConversationLocks} shared by every node on one Redis. The lock of a conversation is the
 * {@link RedisLocks} key {@code <prefix>:lock:conversation:<key>}, set to a random token with an
 * expiry. A thread of this node renews every lock it holds each third of the expiry, so a request
 * may run longer than the expiry, and only the holder's token can release it. When the node dies,
 * its locks expire after at most one expiry. Thread-safe.
 */
public final class RedisConversationLocks implements ConversationLocks, AutoCloseable {
    /** How long a lock outlives its last renewal when nothing else is configured. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RedisConversationLocks.class);

    private final RedisLocks locks;
    private final Duration expiry;
    private final Set<HeldLock> heldLocks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer;

    /**
     * Creates the locks and starts renewing the ones this node takes.
     *
     * @param expiry how long a lock lasts after its last renewal, at least 3 ms
     */
    public RedisConversationLocks(RedisLocks locks, Duration expiry) {
        if (expiry.toMillis() < 3) {
            throw new IllegalArgumentException("the conversation lock expiry must be at least 3 ms, got " + expiry);
        }
        this.locks = locks;
        this.expiry = expiry;
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agenticore-conversation-locks");
            thread.setDaemon(true);
            return thread;
        });
        long period = expiry.toMillis() / 3;
        renewer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.agenticore.core.StorageException when Redis cannot be reached
     */
    @Override
    public Optional<Held> tryLock(String conversationKey) {
        return locks.tryAcquire(lockName(conversationKey), expiry).map(lock -> {
            HeldLock handle = new HeldLock(conversationKey, lock);
            heldLocks.add(handle);
            return handle;
        });
    }

    /**
     * Stops renewing. The locks still held are left to expire, because the requests that hold
     * them may still run their agents while the node stops.
     */
    @Override
    public void close() {
        renewer.shutdownNow();
    }

    static String lockName(String conversationKey) {
        return "conversation:" + conversationKey;
    }

    private void renewAll() {
        for (HeldLock handle : heldLocks) {
            handle.renew();
        }
    }

    /** One lock this node holds, renewed until it is closed. */
    private final class HeldLock implements Held {
        private final String conversationKey;
        private final RedisLocks.Lock lock;
        private final AtomicBoolean closed = new AtomicBoolean();
        private boolean renewalFailing;

        HeldLock(String conversationKey, RedisLocks.Lock lock) {
            this.conversationKey = conversationKey;
            this.lock = lock;
        }

        /** Renews the lock. Only the renewer thread calls this. */
        void renew() {
            boolean renewed;
            try {
                renewed = lock.renew(expiry);
            } catch (RuntimeException e) {
                if (!renewalFailing) {
                    log.warn(
                            "Renewing the lock of conversation {} failed; trying again in {} ms, and the lock"
                                    + " expires {} ms after its last renewal: {}",
                            conversationKey,
                            expiry.toMillis() / 3,
                            expiry.toMillis(),
                            e.getMessage());
                }
                renewalFailing = true;
                return;
            }
            if (renewalFailing) {
                log.info("Renewing the lock of conversation {} works again", conversationKey);
                renewalFailing = false;
            }
            if (!renewed && heldLocks.remove(this)) {
                log.warn(
                        "The lock of conversation {} expired while its request ran, so another request"
                                + " on it may run at the same time",
                        conversationKey);
            }
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            heldLocks.remove(this);
            try {
                if (!lock.release()) {
                    log.info("The lock of conversation {} had expired before its request ended", conversationKey);
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Releasing the lock of conversation {} failed; it expires by itself within {} ms",
                        conversationKey,
                        expiry.toMillis(),
                        e);
            }
        }
    }
}
