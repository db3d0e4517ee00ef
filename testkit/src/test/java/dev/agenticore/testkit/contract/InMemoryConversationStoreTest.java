package dev.agenticore.testkit.contract;

import dev.agenticore.core.chat.ConversationStore;
import dev.agenticore.core.memory.InMemoryConversationStore;

class InMemoryConversationStoreTest extends ConversationStoreContract {
    @Override
    protected ConversationStore newStore() {
        return new InMemoryConversationStore();
    }
}
