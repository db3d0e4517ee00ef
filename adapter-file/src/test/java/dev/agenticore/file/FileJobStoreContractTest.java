package dev.agenticore.file;

import dev.agenticore.core.job.JobStore;
import dev.agenticore.testkit.contract.JobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileJobStoreContractTest extends JobStoreContract {
    @TempDir
    Path root;

    @Override
    protected JobStore newStore() {
        return new FileJobStore(root.resolve("jobs"));
    }
}
