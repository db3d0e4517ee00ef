package dev.agenticore.core.event;

import dev.agenticore.core.agent.AgentEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a job's event log.
 *
 * @param sequence position in the job's log, starting at 1 and increasing by 1
 * @param time when the event was recorded
 * @param event what happened
 */
public record JobEvent(long sequence, Instant time, AgentEvent event) {
    public JobEvent {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, got " + sequence);
        }
        Objects.requireNonNull(time, "time must not be null");
        Objects.requireNonNull(event, "event must not be null");
    }
}
