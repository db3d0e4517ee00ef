package dev.agenticore.file;

import dev.agenticore.core.event.JobEventLog;
import dev.agenticore.testkit.contract.JobEventLogContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class FileJobEventLogContractTest extends JobEventLogContract {
    @TempDir
    Path root;

    @Override
    protected JobEventLog newLog(Clock clock) {
        return new FileJobEventLog(root.resolve("jobs"), clock);
    }
}
