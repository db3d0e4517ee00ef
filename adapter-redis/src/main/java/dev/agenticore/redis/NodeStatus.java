package dev.agenticore.redis;

import java.time.Instant;

/**
 * A node's last heartbeat, as stored in its heartbeat key.
 *
 * @param node the node's pod name
 * @param running jobs it was running
 * @param draining whether it had stopped taking jobs
 * @param updatedAt when it wrote the heartbeat
 */
public record NodeStatus(String node, int running, boolean draining, Instant updatedAt) {}
