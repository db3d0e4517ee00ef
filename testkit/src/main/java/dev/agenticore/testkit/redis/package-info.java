/** A private {@code redis-server} on loopback for tests of the Redis adapter and of several nodes. */
package dev.agenticore.testkit.redis;
