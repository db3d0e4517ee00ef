package dev.agenticore.core.chat;

import java.time.Duration;
import java.util.Optional;

/** The reply to one chat request while it is produced. One thread reads its updates; any thread may cancel it. */
public interface ChatTurn {

    /**
     * Waits up to {@code timeout} for the next update.
     *
     * @return the update, or empty when none came in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<ChatUpdate> next(Duration timeout) throws InterruptedException;

    /** Stops the agent of the turn; the turn then finishes with an error. Idempotent. */
    void cancel();

    /**
     * Skips every update until the turn finishes and returns its result.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    default TurnResult awaitResult() throws InterruptedException {
        while (true) {
            Optional<ChatUpdate> update = next(Duration.ofSeconds(1));
            if (update.isPresent() && update.get() instanceof ChatUpdate.Finished finished) {
                return finished.result();
            }
        }
    }
}
