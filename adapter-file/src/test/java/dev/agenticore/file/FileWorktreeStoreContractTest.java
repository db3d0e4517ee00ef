package dev.agenticore.file;

import dev.agenticore.core.workspace.WorktreeStore;
import dev.agenticore.testkit.contract.WorktreeStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileWorktreeStoreContractTest extends WorktreeStoreContract {
    @TempDir
    Path root;

    @Override
    protected WorktreeStore newStore() {
        return new FileWorktreeStore(root.resolve("worktrees-meta"));
    }
}
