package dev.agenticore.core.chat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A chat completion request, as far as agent mode uses it.
 *
 * @param messages the conversation so far, oldest first
 * @param stream whether the reply is streamed
 * @param includeUsage whether a streamed reply ends with a separate usage chunk
 * @param timeout longest run time of the agent, or null for the configured default
 * @param disabledMcpServers names of MCP servers to leave out of this run
 * @param metadataConversationId the body's {@code metadata.conversation_id}, or empty
 * @param user the body's {@code user}, or empty
 * @param headers request headers with lower-case names; the first value of each
 */
public record ChatRequest(
        List<ChatMessage> messages,
        boolean stream,
        boolean includeUsage,
        Duration timeout,
        List<String> disabledMcpServers,
        String metadataConversationId,
        String user,
        Map<String, String> headers) {

    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNullElse(messages, List.of()));
        disabledMcpServers = List.copyOf(Objects.requireNonNullElse(disabledMcpServers, List.of()));
        metadataConversationId =
                Objects.requireNonNullElse(metadataConversationId, "").strip();
        user = Objects.requireNonNullElse(user, "").strip();
        headers = Objects.requireNonNullElse(headers, Map.<String, String>of()).entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(
                        entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    }

    /** Returns the trimmed value of the first of the named headers that is present and not blank. */
    public Optional<String> header(String... names) {
        for (String name : names) {
            String value = headers.get(name.toLowerCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /** Returns the index of the last user message, or -1 when there is none. */
    public int lastUserIndex() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).isUser()) {
                return i;
            }
        }
        return -1;
    }
}
