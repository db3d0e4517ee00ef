package dev.agenticore.core.chat;

/** Something a running chat turn produced, in the order the client should see it. */
public sealed interface ChatUpdate {

    /** Reply text for the client. */
    record Content(String text) implements ChatUpdate {}

    /** Reasoning for the client: the model's thinking, or a tool call or result as a fenced block. */
    record Reasoning(String text) implements ChatUpdate {}

    /** The turn ended; always the last update. */
    record Finished(TurnResult result) implements ChatUpdate {}
}
