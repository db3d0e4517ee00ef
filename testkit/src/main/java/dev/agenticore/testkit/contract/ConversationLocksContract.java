package dev.agenticore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.chat.ConversationLocks;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link ConversationLocks} must have on the nodes that share it. A subclass
 * returns from {@link #newNode()} the locks of one more node on the same shared state, which
 * starts empty in every test.
 */
@Timeout(30)
public abstract class ConversationLocksContract {
    /** A conversation key as the chat service builds it. */
    protected static final String KEY = "conv:anton:-:chat-42";

    /** Returns the locks of one more node that shares its state with the nodes of this test. */
    protected abstract ConversationLocks newNode();

    @Test
    void heldLockRejectsOtherNode() {
        ConversationLocks nodeA = newNode();
        ConversationLocks nodeB = newNode();

        Optional<ConversationLocks.Held> first = nodeA.tryLock(KEY);
        Optional<ConversationLocks.Held> second = nodeB.tryLock(KEY);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
    }

    @Test
    void heldLockRejectsSameNode() {
        ConversationLocks node = newNode();
        node.tryLock(KEY).orElseThrow();

        assertThat(node.tryLock(KEY)).isEmpty();
    }

    @Test
    void otherConversationIsFree() {
        ConversationLocks nodeA = newNode();
        nodeA.tryLock(KEY).orElseThrow();

        assertThat(newNode().tryLock(KEY + "-other")).isPresent();
    }

    @Test
    void closedLockIsFreeForOtherNode() {
        ConversationLocks nodeA = newNode();
        ConversationLocks nodeB = newNode();
        nodeA.tryLock(KEY).orElseThrow().close();

        assertThat(nodeB.tryLock(KEY)).isPresent();
    }

    @Test
    void secondCloseKeepsNextHolder() {
        ConversationLocks nodeA = newNode();
        ConversationLocks nodeB = newNode();
        ConversationLocks.Held first = nodeA.tryLock(KEY).orElseThrow();
        first.close();
        ConversationLocks.Held next = nodeB.tryLock(KEY).orElseThrow();

        first.close();

        assertThat(nodeA.tryLock(KEY)).isEmpty();
        next.close();
        assertThat(nodeA.tryLock(KEY)).isPresent();
    }
}
