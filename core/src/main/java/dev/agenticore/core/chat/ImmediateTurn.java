package dev.agenticore.core.chat;

import dev.agenticore.core.agent.AgentUsage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;

/** A turn that the server replies to itself, without an agent: one text, then the end. */
final class ImmediateTurn implements ChatTurn {
    private final Queue<ChatUpdate> updates = new ArrayDeque<>();

    ImmediateTurn(String text) {
        updates.add(new ChatUpdate.Content(text));
        updates.add(new ChatUpdate.Finished(new TurnResult(text, false, "", "", AgentUsage.NONE, null, 0L, 0)));
    }

    @Override
    public synchronized Optional<ChatUpdate> next(Duration timeout) {
        return Optional.ofNullable(updates.poll());
    }

    @Override
    public void cancel() {}
}
