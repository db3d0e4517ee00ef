package dev.agenticore.core.chat;

/**
 * The check whether a server node that shares this node's stores is running now. Recovery and the
 * completion sweep use it to fail only the completions of stopped nodes.
 */
@FunctionalInterface
public interface NodeLiveness {
    /** The liveness of a server that shares its stores with no other node: no other node runs. */
    NodeLiveness STANDALONE = podName -> false;

    /** Returns whether the node named {@code podName} is running now. */
    boolean isAlive(String podName);
}
