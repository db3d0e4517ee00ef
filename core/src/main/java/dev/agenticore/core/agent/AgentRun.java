package dev.agenticore.core.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** One running agent. Thread-safe: any thread may cancel while another awaits. */
public interface AgentRun {

    /** Returns the operating-system process id, when the agent is a process. */
    OptionalLong pid();

    /** Returns the time the agent last produced output, which a watchdog uses to notice a hang. */
    Instant lastActivity();

    /**
     * Waits up to {@code timeout} for the agent to end.
     *
     * @return the outcome, or empty when the agent is still running
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<AgentOutcome> await(Duration timeout) throws InterruptedException;

    /**
     * Ends the agent and everything it started: a polite stop first, then a forced one after a
     * grace period. Returns without waiting; {@link #await} reports the outcome. Idempotent.
     */
    void cancel();
}
