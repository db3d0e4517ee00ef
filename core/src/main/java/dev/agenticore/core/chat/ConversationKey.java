package dev.agenticore.core.chat;

/**
 * The conversation a chat request belongs to.
 *
 * @param value the key under which the conversation's session is stored, {@code
 *     conv:<agent>:<user or ->:<id>}
 * @param tier where the id came from
 */
public record ConversationKey(String value, Tier tier) {

    /** Source of a conversation id, from the most to the least explicit. */
    public enum Tier {
        /** A conversation header sent by the client. */
        HEADER,
        /** The body's {@code metadata.conversation_id}. */
        BODY,
        /** A hash of the system message and the first user message. */
        CONTENT_HASH,
        /** No id: the request starts a conversation that is never resumed. */
        EPHEMERAL
    }

    /** Returns whether a later request can resume this conversation. */
    public boolean persistent() {
        return tier != Tier.EPHEMERAL;
    }
}
