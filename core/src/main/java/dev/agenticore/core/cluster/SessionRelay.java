package dev.agenticore.core.cluster;

import java.util.function.BiConsumer;

/**
 * Carries messages for long-lived client sessions, such as MCP event streams, to the node of a
 * cluster that owns the session. A node announces each session it opens; a node that receives a
 * message for a session it does not own forwards it. Implementations are thread-safe.
 */
public interface SessionRelay {

    /** A relay for a server without other nodes: it has no sessions and forwards nothing. */
    SessionRelay NONE = new SessionRelay() {
        @Override
        public void claim(String sessionId) {}

        @Override
        public void release(String sessionId) {}

        @Override
        public boolean isOwnedElsewhere(String sessionId) {
            return false;
        }

        @Override
        public boolean forward(String sessionId, String message) {
            return false;
        }

        @Override
        public void receive(BiConsumer<String, String> receiver) {}
    };

    /** Announces that this node owns a session, so that other nodes forward its messages here. */
    void claim(String sessionId);

    /** Withdraws a session that this node owned; an unknown id is ignored. */
    void release(String sessionId);

    /** Returns whether another live node of the cluster owns a session. */
    boolean isOwnedElsewhere(String sessionId);

    /**
     * Sends a message to the node that owns a session.
     *
     * @return true when a node that owns the session took the message, false when none did
     */
    boolean forward(String sessionId, String message);

    /**
     * Sets the receiver of messages that other nodes forward to this node's sessions. It is called
     * with the session id and the message, on the relay's own thread.
     */
    void receive(BiConsumer<String, String> receiver);
}
