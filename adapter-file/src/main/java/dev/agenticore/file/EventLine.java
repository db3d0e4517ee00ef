package dev.agenticore.file;

import dev.agenticore.core.agent.AgentEvent;
import java.time.Instant;

/**
 * One line of a job's event file, {@code {"seq": n, "time": "...", "event": {...}}}, with the
 * event in the wire format of {@link dev.agenticore.json.Json#mapper()}.
 *
 * @param seq sequence number in the job's log, starting at 1
 * @param time when the event was recorded
 * @param event the agent event
 */
record EventLine(long seq, Instant time, AgentEvent event) {}
