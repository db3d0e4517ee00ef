package dev.agenticore.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalConversationLocksTest {
    private final LocalConversationLocks locks = new LocalConversationLocks();

    @Test
    void heldLockRejectsSecondHolder() {
        Optional<ConversationLocks.Held> first = locks.tryLock("conv:anton:-:c-1");
        Optional<ConversationLocks.Held> second = locks.tryLock("conv:anton:-:c-1");

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
    }

    @Test
    void otherConversationIsFree() {
        locks.tryLock("conv:anton:-:c-1").orElseThrow();

        assertThat(locks.tryLock("conv:anton:-:c-2")).isPresent();
    }

    @Test
    void closedLockCanBeTakenAgain() {
        locks.tryLock("conv:anton:-:c-1").orElseThrow().close();

        assertThat(locks.tryLock("conv:anton:-:c-1")).isPresent();
    }

    @Test
    void secondCloseKeepsNextHolder() {
        ConversationLocks.Held first = locks.tryLock("conv:anton:-:c-1").orElseThrow();
        first.close();
        ConversationLocks.Held next = locks.tryLock("conv:anton:-:c-1").orElseThrow();

        first.close();

        assertThat(locks.tryLock("conv:anton:-:c-1")).isEmpty();
        next.close();
        assertThat(locks.tryLock("conv:anton:-:c-1")).isPresent();
    }
}
