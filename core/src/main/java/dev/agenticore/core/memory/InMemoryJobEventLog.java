package dev.agenticore.core.memory;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.event.JobEvent;
import dev.agenticore.core.event.JobEventLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link JobEventLog} in memory; nothing survives the process. Thread-safe. */
public final class InMemoryJobEventLog implements JobEventLog {
    private final Map<String, List<JobEvent>> logs = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Creates an empty log that stamps events with the clock's time. */
    public InMemoryJobEventLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public JobEvent append(String jobId, AgentEvent event) {
        List<JobEvent> events = logs.computeIfAbsent(jobId, id -> new ArrayList<>());
        synchronized (events) {
            JobEvent stored = new JobEvent(events.size() + 1L, clock.instant(), event);
            events.add(stored);
            return stored;
        }
    }

    @Override
    public List<JobEvent> read(String jobId, long afterSequence, int limit) {
        List<JobEvent> events = logs.get(jobId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            int from = (int) Math.min(Math.max(afterSequence, 0), events.size());
            int to = (int) Math.min(events.size(), (long) from + limit);
            return List.copyOf(events.subList(from, to));
        }
    }

    @Override
    public void delete(String jobId) {
        logs.remove(jobId);
    }
}
