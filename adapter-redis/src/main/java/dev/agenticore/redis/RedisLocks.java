package dev.agenticore.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.params.SetParams;

/**
 * Named locks shared by every node on one Redis, for example one per repository around a mirror
 * fetch on a shared volume. A lock is a key {@code <prefix>:lock:<name>} set with {@code NX PX} to a
 * random token; only the holder of the token can release it, and it expires by itself when its
 * holder dies. The expiry must be longer than the work it guards, because an expired lock can be
 * taken by another node while the first still works.
 */
public final class RedisLocks {
    private static final LuaScript RELEASE = LuaScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);
    private static final LuaScript RENEW = LuaScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0
            """);

    private final RedisGateway redis;

    /** Creates the locks over a gateway; the gateway's key prefix applies. */
    public RedisLocks(RedisGateway redis) {
        this.redis = redis;
    }

    /**
     * Takes a lock if it is free.
     *
     * @param expiry how long the lock lasts unless released, at least 1 ms
     * @return the held lock, or empty when another holder has it
     */
    public Optional<Lock> tryAcquire(String name, Duration expiry) {
        String key = redis.keys().lock(name);
        String token = UUID.randomUUID().toString();
        String reply = redis.call(
                "take lock " + name,
                client -> client.set(key, token, SetParams.setParams().nx().px(expiry.toMillis())));
        return "OK".equals(reply) ? Optional.of(new Lock(name, key, token)) : Optional.empty();
    }

    /**
     * Takes a lock, waiting for it with a pause that doubles from 50 ms to 1 s.
     *
     * @return the held lock, or empty when {@code wait} passed first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<Lock> acquire(String name, Duration expiry, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 50;
        while (true) {
            Optional<Lock> lock = tryAcquire(name, expiry);
            if (lock.isPresent() || System.nanoTime() - deadline >= 0) {
                return lock;
            }
            Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            pause = Math.min(pause * 2, 1000);
        }
    }

    /** A held lock; closing it releases it. */
    public final class Lock implements AutoCloseable {
        private final String name;
        private final String key;
        private final String token;

        private Lock(String name, String key, String token) {
            this.name = name;
            this.key = key;
            this.token = token;
        }

        /** Returns the lock's name. */
        public String name() {
            return name;
        }

        /**
         * Sets the lock to expire {@code expiry} from now if this holder still has it.
         *
         * @return false when the lock had expired, and perhaps been taken by another holder
         * @throws dev.agenticore.core.StorageException when Redis cannot be reached
         */
        public boolean renew(Duration expiry) {
            Object renewed = redis.eval(
                    "renew lock " + name, RENEW, List.of(key), List.of(token, Long.toString(expiry.toMillis())));
            return Long.valueOf(1).equals(renewed);
        }

        /**
         * Releases the lock if this holder still has it.
         *
         * @return false when the lock had expired, and perhaps been taken by another holder
         */
        public boolean release() {
            Object deleted = redis.eval("release lock " + name, RELEASE, List.of(key), List.of(token));
            return Long.valueOf(1).equals(deleted);
        }

        /** Releases the lock. */
        @Override
        public void close() {
            release();
        }
    }
}
