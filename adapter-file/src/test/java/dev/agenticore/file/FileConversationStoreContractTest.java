package dev.agenticore.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.chat.Conversation;
import dev.agenticore.core.chat.ConversationStore;
import dev.agenticore.testkit.contract.ConversationStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConversationStoreContractTest extends ConversationStoreContract {
    @TempDir
    Path root;

    @Override
    protected ConversationStore newStore() {
        return new FileConversationStore(root.resolve("conversations"));
    }

    @Test
    void conversationSurvivesReopen() {
        Conversation saved = new Conversation("conv:a:-:k", "s-1", T0, T0);
        store().save(saved);

        assertThat(newStore().find("conv:a:-:k")).contains(saved);
    }
}
