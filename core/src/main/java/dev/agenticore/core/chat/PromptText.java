package dev.agenticore.core.chat;

import java.util.List;

/** Turns the messages of a chat request into the prompt of a new agent session. */
final class PromptText {
    private PromptText() {}

    /**
     * Returns the only message's text when there is one message, else one {@code [role] text} entry
     * per message, joined by newlines. The last user message is replaced by {@code lastUserText},
     * which no longer contains slash tokens.
     */
    static String flatten(List<ChatMessage> messages, int lastUser, String lastUserText) {
        if (messages.size() == 1) {
            return lastUserText;
        }
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (prompt.length() > 0) {
                prompt.append('\n');
            }
            prompt.append('[').append(message.role()).append("] ");
            prompt.append(i == lastUser ? lastUserText : message.content());
        }
        return prompt.toString();
    }
}
