package dev.agenticore.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * How to reach Redis and how nodes share it.
 *
 * @param url {@code redis://[user:password@]host:port[/db]} or {@code rediss://} for TLS
 * @param keyPrefix first part of every key and channel, so several clusters can share one Redis
 * @param leaseTimeout how long a node may go without a heartbeat before another node claims its jobs
 */
public record RedisSettings(URI url, String keyPrefix, Duration leaseTimeout) {
    /** Key prefix used when none is configured. */
    public static final String DEFAULT_KEY_PREFIX = "agenticore";
    /** Lease timeout used when none is configured. */
    public static final Duration DEFAULT_LEASE_TIMEOUT = Duration.ofSeconds(60);

    public RedisSettings {
        Objects.requireNonNull(url, "url must not be null");
        if (!JedisURIHelper.isValid(url) || !JedisURIHelper.isRedisScheme(url)) {
            throw new IllegalArgumentException(
                    "REDIS_URL must look like redis://host:port or rediss://host:port, got " + redacted(url));
        }
        if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.contains(" ")) {
            throw new IllegalArgumentException(
                    "the Redis key prefix must be non-empty without spaces, got '" + keyPrefix + "'");
        }
        Objects.requireNonNull(leaseTimeout, "leaseTimeout must not be null");
        if (leaseTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("the lease timeout must be at least 1 s, got " + leaseTimeout);
        }
    }

    /** Returns settings with the default prefix and lease timeout. */
    public static RedisSettings of(String url) {
        return new RedisSettings(URI.create(url), DEFAULT_KEY_PREFIX, DEFAULT_LEASE_TIMEOUT);
    }

    /** Returns a copy with another key prefix. */
    public RedisSettings withKeyPrefix(String value) {
        return new RedisSettings(url, value, leaseTimeout);
    }

    /** Returns a copy with another lease timeout. */
    public RedisSettings withLeaseTimeout(Duration value) {
        return new RedisSettings(url, keyPrefix, value);
    }

    /** Returns the URL without user and password, safe to log. */
    public String redactedUrl() {
        return redacted(url);
    }

    private static String redacted(URI url) {
        return url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() == -1 ? 6379 : url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }
}
