package dev.agenticore.core.agent;

/** Starts agent processes. Implementations are thread-safe; each run is independent. */
public interface AgentRunner {

    /**
     * Starts the agent for one invocation and returns at once.
     *
     * @param listener receives every event of the run, in order, on a thread of the runner
     * @throws AgentStartException when the agent cannot be started, with a message that says how
     *     to fix it (for example a missing binary)
     */
    AgentRun start(AgentInvocation invocation, AgentEventListener listener);
}
