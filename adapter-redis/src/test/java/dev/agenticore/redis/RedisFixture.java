package dev.agenticore.redis;

import dev.agenticore.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Gateways to the test Redis, closed together after each test. */
final class RedisFixture {
    private final RedisServerExtension server;
    private final List<AutoCloseable> opened = new ArrayList<>();

    RedisFixture(RedisServerExtension server) {
        this.server = server;
    }

    /** Returns a new gateway with the test prefix and the given lease timeout. */
    RedisGateway gateway(Duration leaseTimeout) {
        RedisGateway gateway = new RedisGateway(
                RedisSettings.of(server.url()).withKeyPrefix("test").withLeaseTimeout(leaseTimeout));
        opened.add(gateway);
        return gateway;
    }

    /** Returns a new gateway with the test prefix and the default lease timeout. */
    RedisGateway gateway() {
        return gateway(RedisSettings.DEFAULT_LEASE_TIMEOUT);
    }

    /** Closes the resource with the others after the test. */
    <T extends AutoCloseable> T track(T resource) {
        opened.add(0, resource);
        return resource;
    }

    /** Closes every tracked resource and gateway, queues and subscriptions first. */
    void close() {
        for (AutoCloseable resource : opened) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + resource + " failed", e);
            }
        }
        opened.clear();
    }
}
