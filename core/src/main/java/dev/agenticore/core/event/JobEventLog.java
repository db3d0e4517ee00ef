package dev.agenticore.core.event;

import dev.agenticore.core.agent.AgentEvent;
import java.util.List;

/** Append-only log of each job's events. Thread-safe. */
public interface JobEventLog {

    /**
     * Appends an event to a job's log.
     *
     * @return the stored entry with its sequence number
     */
    JobEvent append(String jobId, AgentEvent event);

    /**
     * Reads a job's events after a sequence number, oldest first.
     *
     * @param afterSequence 0 to read from the start
     * @param limit maximum number of events returned
     */
    List<JobEvent> read(String jobId, long afterSequence, int limit);

    /** Removes a job's log; does nothing when there is none. */
    void delete(String jobId);
}
