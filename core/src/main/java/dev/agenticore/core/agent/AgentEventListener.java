package dev.agenticore.core.agent;

/** Receives the events of one agent run, in order, from a single thread. */
@FunctionalInterface
public interface AgentEventListener {

    /** Handles one event; must not block for long, since the agent's output waits meanwhile. */
    void onEvent(AgentEvent event);

    /** Returns a listener that ignores every event. */
    static AgentEventListener ignoring() {
        return event -> {};
    }
}
