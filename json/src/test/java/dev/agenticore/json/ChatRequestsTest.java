package dev.agenticore.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.chat.ChatMessage;
import dev.agenticore.core.chat.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestsTest {

    private static ChatRequest read(String body) {
        return ChatRequests.read(body.getBytes(StandardCharsets.UTF_8), Map.of("X-Request-Id", "r1"));
    }

    @Test
    void everyUsedFieldIsRead() {
        ChatRequest request = read("{\"model\":\"anton-agent\",\"temperature\":0.2,"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:x\"}},{\"type\":\"text\",\"text\":\"b\"}]}],"
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true},\"timeout\":30,"
                + "\"disable_mcp_servers\":[\"github\"],\"metadata\":{\"conversation_id\":\" c-1 \"},"
                + "\"user\":\"alice\"}");

        assertThat(request.messages())
                .containsExactly(new ChatMessage("system", "be brief"), new ChatMessage("user", "a\nb"));
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(request.disabledMcpServers()).containsExactly("github");
        assertThat(request.metadataConversationId()).isEqualTo("c-1");
        assertThat(request.user()).isEqualTo("alice");
        assertThat(request.header("x-request-id")).contains("r1");
    }

    @Test
    void defaultsApplyWhenFieldsAreMissing() {
        ChatRequest request = read("{\"messages\":[{\"content\":\"hi\"}],\"timeout\":0}");

        assertThat(request.messages()).containsExactly(new ChatMessage("user", "hi"));
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
        assertThat(request.timeout()).isNull();
    }

    @Test
    void missingOrEmptyMessagesAreRejected() {
        for (String body : new String[] {"{}", "{\"messages\":[]}", "{\"messages\":null}"}) {
            assertThatThrownBy(() -> read(body))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("messages is required")
                    .extracting(e -> ((InvalidRequestException) e).field())
                    .isEqualTo("messages");
        }
    }

    @Test
    void wrongTypesNameTheField() {
        assertThatThrownBy(() -> read("{\"messages\":[{\"content\":\"x\"}],\"stream\":\"yes\"}"))
                .hasMessageContaining("stream must be a boolean");
        assertThatThrownBy(() -> read("{\"messages\":[{\"content\":5}]}"))
                .hasMessageContaining("messages[0].content must be a string");
        assertThatThrownBy(() -> read("{\"messages\":[{\"content\":\"x\"}],\"timeout\":-1}"))
                .hasMessageContaining("timeout must be a non-negative integer");
        assertThatThrownBy(() -> read("{\"messages\":\"hi\"}")).hasMessageContaining("messages must be an array");
    }

    @Test
    void malformedJsonIsInvalid() {
        assertThatThrownBy(() -> read("{\"messages\": ["))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not valid JSON");
    }
}
