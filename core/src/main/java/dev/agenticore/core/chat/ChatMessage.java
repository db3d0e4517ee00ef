package dev.agenticore.core.chat;

import java.util.Objects;

/**
 * One message of a chat request.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or another role the client uses
 * @param content the message text; the text parts of a multi-part message joined by newlines
 */
public record ChatMessage(String role, String content) {
    public ChatMessage {
        role = Objects.requireNonNullElse(role, "user");
        content = Objects.requireNonNullElse(content, "");
    }

    /** Returns whether the role is {@code user}. */
    public boolean isUser() {
        return role.equals("user");
    }
}
