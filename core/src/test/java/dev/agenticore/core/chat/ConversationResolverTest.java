package dev.agenticore.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationResolverTest {
    private static final List<ChatMessage> MESSAGES =
            List.of(new ChatMessage("system", "be brief"), new ChatMessage("user", "hello"));

    private final ConversationResolver resolver = new ConversationResolver("anton", true);

    private static ChatRequest request(
            List<ChatMessage> messages, String metadataId, String user, Map<String, String> headers) {
        return new ChatRequest(messages, false, false, null, List.of(), metadataId, user, headers);
    }

    @Test
    void headerWinsOverBodyAndHash() {
        ConversationKey key =
                resolver.resolve(request(MESSAGES, "from-body", "", Map.of("X-Conversation-Id", " c-1 ")));

        assertThat(key.tier()).isEqualTo(ConversationKey.Tier.HEADER);
        assertThat(key.value()).isEqualTo("conv:anton:-:c-1");
    }

    @Test
    void clientSpecificHeadersCount() {
        ConversationKey librechat =
                resolver.resolve(request(MESSAGES, "", "", Map.of("X-LibreChat-Conversation-Id", "lc")));
        ConversationKey openWebUi = resolver.resolve(request(MESSAGES, "", "", Map.of("x-openwebui-chat-id", "ow")));

        assertThat(librechat.value()).isEqualTo("conv:anton:-:lc");
        assertThat(openWebUi.value()).isEqualTo("conv:anton:-:ow");
    }

    @Test
    void metadataIdIsSecond() {
        ConversationKey key = resolver.resolve(request(MESSAGES, "m-7", "", Map.of("X-Conversation-Id", "  ")));

        assertThat(key.tier()).isEqualTo(ConversationKey.Tier.BODY);
        assertThat(key.value()).isEqualTo("conv:anton:-:m-7");
    }

    @Test
    void hashIgnoresLaterMessages() {
        List<ChatMessage> longer = List.of(
                MESSAGES.get(0), MESSAGES.get(1), new ChatMessage("assistant", "hi"), new ChatMessage("user", "more"));

        ConversationKey first = resolver.resolve(request(MESSAGES, "", "", Map.of()));
        ConversationKey later = resolver.resolve(request(longer, "", "", Map.of()));

        assertThat(first.tier()).isEqualTo(ConversationKey.Tier.CONTENT_HASH);
        assertThat(later).isEqualTo(first);
        assertThat(first.value()).matches("conv:anton:-:[0-9a-f]{64}");
    }

    @Test
    void hashDependsOnSystemMessage() {
        List<ChatMessage> otherSystem = List.of(new ChatMessage("system", "be long"), MESSAGES.get(1));

        assertThat(resolver.resolve(request(otherSystem, "", "", Map.of())))
                .isNotEqualTo(resolver.resolve(request(MESSAGES, "", "", Map.of())));
    }

    @Test
    void usersDoNotShareConversations() {
        ConversationKey header = resolver.resolve(request(MESSAGES, "", "body-user", Map.of("X-User-Id", "alice")));
        ConversationKey body = resolver.resolve(request(MESSAGES, "", "bob", Map.of()));

        assertThat(header.value()).startsWith("conv:anton:alice:");
        assertThat(body.value()).startsWith("conv:anton:bob:");
    }

    @Test
    void noUserTextIsEphemeral() {
        ConversationKey first = resolver.resolve(request(List.of(new ChatMessage("system", "x")), "", "", Map.of()));
        ConversationKey second = resolver.resolve(request(List.of(new ChatMessage("system", "x")), "", "", Map.of()));

        assertThat(first.tier()).isEqualTo(ConversationKey.Tier.EPHEMERAL);
        assertThat(first.persistent()).isFalse();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void disabledHashFallbackIsEphemeral() {
        ConversationKey key = new ConversationResolver("anton", false).resolve(request(MESSAGES, "", "", Map.of()));

        assertThat(key.tier()).isEqualTo(ConversationKey.Tier.EPHEMERAL);
    }
}
