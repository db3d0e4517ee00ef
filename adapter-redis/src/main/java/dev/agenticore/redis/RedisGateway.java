package dev.agenticore.redis;

import dev.agenticore.core.StorageException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The connection pool to one Redis server, shared by every Redis adapter of a node. Commands that
 * fail because Redis cannot be reached are retried with a doubling pause for about two seconds,
 * then fail with a {@link StorageException}, which the REST API maps to 503. The pool
 * reconnects by itself once Redis is back. Thread-safe.
 */
public final class RedisGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisGateway.class);
    private static final int ATTEMPTS = 5;
    private static final long FIRST_PAUSE_MILLIS = 100;
    /**
     * Maximum wait for one reply. A Redis that hangs instead of refusing connections then costs a
     * caller a few seconds, not the sum of several long waits.
     */
    private static final int SOCKET_TIMEOUT_MILLIS = 2000;
    /** Time after which a failing command is not tried again, so a request gets its 503 soon. */
    private static final long RETRY_BUDGET_NANOS = Duration.ofSeconds(4).toNanos();

    private final RedisSettings settings;
    private final RedisKeys keys;
    private final RedisClient client;
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    /** Creates the pool; no connection is opened until the first command. */
    public RedisGateway(RedisSettings settings) {
        this.settings = settings;
        this.keys = new RedisKeys(settings.keyPrefix());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(SOCKET_TIMEOUT_MILLIS)
                .clientName("agenticore")
                .user(JedisURIHelper.getUser(settings.url()))
                .password(JedisURIHelper.getPassword(settings.url()));
        if (JedisURIHelper.isRedisSSLScheme(settings.url())) {
            config.sslOptions(SslOptions.defaults());
        }
        if (JedisURIHelper.hasDbIndex(settings.url())) {
            config.database(JedisURIHelper.getDBIndex(settings.url()));
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(64);
        pool.setMaxIdle(16);
        pool.setMaxWait(Duration.ofSeconds(2));
        this.client = RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(settings.url()))
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }

    /** Returns the settings this gateway was created with. */
    public RedisSettings settings() {
        return settings;
    }

    RedisKeys keys() {
        return keys;
    }

    /**
     * Runs a command, retrying while Redis is unreachable.
     *
     * @param operation what the command does, for error messages, for example "read job 42"
     * @throws StorageException when Redis stays unreachable or rejects the command
     */
    <T> T call(String operation, Function<RedisClient, T> command) {
        long pause = FIRST_PAUSE_MILLIS;
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                T result = command.apply(client);
                if (reachable.compareAndSet(false, true)) {
                    log.info("Redis at {} is reachable again", settings.redactedUrl());
                }
                return result;
            } catch (JedisException e) {
                if (!isConnectionFailure(e)) {
                    throw new StorageException("Redis failed to " + operation + ": " + e.getMessage(), e);
                }
                if (attempt >= ATTEMPTS || System.nanoTime() - started > RETRY_BUDGET_NANOS) {
                    if (reachable.compareAndSet(true, false)) {
                        log.warn("Redis at {} is unreachable: {}", settings.redactedUrl(), e.toString());
                    }
                    throw new StorageException(
                            "Redis at " + settings.redactedUrl() + " is unreachable, so the server could not "
                                    + operation,
                            e);
                }
                pause(pause);
                pause *= 2;
            }
        }
    }

    /** Runs a Lua script by its SHA-1, loading it first when the server does not know it. */
    Object eval(String operation, LuaScript script, List<String> keyNames, List<String> arguments) {
        return call(operation, redis -> {
            try {
                return redis.evalsha(script.sha1(), keyNames, arguments);
            } catch (JedisNoScriptException e) {
                return redis.eval(script.source(), keyNames, arguments);
            }
        });
    }

    /** Returns whether Redis replies to PING now, without retrying. */
    public boolean ping() {
        try {
            return "PONG".equals(client.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    /** Returns the client for commands that hold a connection, such as SUBSCRIBE. */
    RedisClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }

    static boolean isConnectionFailure(JedisException e) {
        return e instanceof JedisConnectionException || e.getCause() instanceof NoSuchElementException;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for Redis", e);
        }
    }
}
