package dev.agenticore.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.agent.AgentUsage;
import org.junit.jupiter.api.Test;

class ChatChunksTest {
    private final ChatChunks chunks = new ChatChunks("chatcmpl-r1", "anton-agent", 1_700_000_000L);

    private static JsonNode data(String frame) throws Exception {
        assertThat(frame).startsWith("data: ").endsWith("\n\n");
        return Json.mapper().readTree(frame.substring(6).strip());
    }

    @Test
    void roleChunkOpensTheMessage() throws Exception {
        JsonNode chunk = data(chunks.role());

        assertThat(chunk.path("id").asText()).isEqualTo("chatcmpl-r1");
        assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(chunk.path("created").asLong()).isEqualTo(1_700_000_000L);
        assertThat(chunk.path("model").asText()).isEqualTo("anton-agent");
        assertThat(chunk.path("choices").get(0).path("delta").path("role").asText())
                .isEqualTo("assistant");
        assertThat(chunk.path("choices").get(0).path("index").asInt()).isZero();
        assertThat(chunk.path("choices").get(0).path("finish_reason").isNull()).isTrue();
        assertThat(chunk.has("usage")).isFalse();
    }

    @Test
    void contentAndReasoningUseTheirFields() throws Exception {
        JsonNode content =
                data(chunks.content("Hé \"quoted\"\n")).path("choices").get(0).path("delta");
        JsonNode reasoning =
                data(chunks.reasoning("think")).path("choices").get(0).path("delta");

        assertThat(content.path("content").asText()).isEqualTo("Hé \"quoted\"\n");
        assertThat(content.size()).isEqualTo(1);
        assertThat(reasoning.path("reasoning_content").asText()).isEqualTo("think");
        assertThat(reasoning.size()).isEqualTo(1);
    }

    @Test
    void stopChunkCarriesUsage() throws Exception {
        JsonNode chunk = data(chunks.stop(new AgentUsage(10, 5, 100, 20)));

        assertThat(chunk.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(chunk.path("choices").get(0).path("delta").isEmpty()).isTrue();
        assertThat(chunk.path("usage").path("prompt_tokens").asLong()).isEqualTo(130);
        assertThat(chunk.path("usage").path("completion_tokens").asLong()).isEqualTo(5);
        assertThat(chunk.path("usage").path("total_tokens").asLong()).isEqualTo(135);
    }

    @Test
    void usageChunkHasNoChoices() throws Exception {
        JsonNode chunk = data(chunks.usageOnly(new AgentUsage(1, 2, 0, 0)));

        assertThat(chunk.path("choices").isArray()).isTrue();
        assertThat(chunk.path("choices").isEmpty()).isTrue();
        assertThat(chunk.path("usage").path("total_tokens").asLong()).isEqualTo(3);
    }

    @Test
    void errorEventHasOpenAiShape() throws Exception {
        JsonNode error = data(chunks.error("the agent failed")).path("error");

        assertThat(error.path("message").asText()).isEqualTo("the agent failed");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("code").asText()).isEqualTo("agent_error");
        assertThat(error.has("param")).isTrue();
    }

    @Test
    void completionHasMessageAndUsage() {
        JsonNode body = Json.mapper().valueToTree(chunks.completion("Hello", new AgentUsage(3, 4, 0, 0)));

        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("Hello");
        assertThat(body.path("choices").get(0).path("message").path("role").asText())
                .isEqualTo("assistant");
        assertThat(body.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(body.path("usage").path("total_tokens").asLong()).isEqualTo(7);
    }

    @Test
    void framesEndTheStream() {
        assertThat(ChatChunks.DONE).isEqualTo("data: [DONE]\n\n");
        assertThat(ChatChunks.KEEP_ALIVE).isEqualTo(": keep-alive\n\n");
    }

    @Test
    void modelListNamesTheAgent() {
        JsonNode body = Json.mapper().valueToTree(ChatChunks.models("anton-agent", 5));

        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").get(0).path("id").asText()).isEqualTo("anton-agent");
        assertThat(body.path("data").get(0).path("object").asText()).isEqualTo("model");
    }
}
