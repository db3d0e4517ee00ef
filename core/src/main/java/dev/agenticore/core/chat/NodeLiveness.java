package dev.agenticore.core.chat;

/**
 * Tells whether a server node that shares this node's stores is running now, so that a starting
 * node fails only the completions that a stopped node left unfinished.
 */
@FunctionalInterface
public interface NodeLiveness {
    /** The liveness of a server that shares its stores with no other node: no other node runs. */
    NodeLiveness STANDALONE = podName -> false;

    /** Returns whether the node named {@code podName} is running now. */
    boolean isAlive(String podName);
}
