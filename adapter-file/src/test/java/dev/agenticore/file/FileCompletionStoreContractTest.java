package dev.agenticore.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.chat.CompletionStore;
import dev.agenticore.testkit.contract.CompletionStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCompletionStoreContractTest extends CompletionStoreContract {
    @TempDir
    Path root;

    @Override
    protected CompletionStore newStore() {
        return new FileCompletionStore(root.resolve("completions"));
    }

    @Test
    void recordsSurviveReopen() {
        store().create(completed("req-1"));
        store().create(queued("req-2", 5));

        CompletionStore reopened = newStore();

        assertThat(reopened.find("req-1")).isEqualTo(store().find("req-1"));
        assertThat(reopened.find("req-2")).isEqualTo(store().find("req-2"));
    }

    @Test
    void unreadableFileIsSkipped() throws Exception {
        store().create(queued("req-1", 0));
        Files.writeString(root.resolve("completions/broken.json"), "{not json");

        assertThat(newStore().list(null, 10)).hasSize(1);
    }
}
