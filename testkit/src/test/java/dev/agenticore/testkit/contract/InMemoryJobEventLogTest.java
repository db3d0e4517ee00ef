package dev.agenticore.testkit.contract;

import dev.agenticore.core.event.JobEventLog;
import dev.agenticore.core.memory.InMemoryJobEventLog;
import java.time.Clock;

class InMemoryJobEventLogTest extends JobEventLogContract {
    @Override
    protected JobEventLog newLog(Clock clock) {
        return new InMemoryJobEventLog(clock);
    }
}
