package dev.agenticore.app;

import static dev.agenticore.app.ChatStreams.conversation;
import static dev.agenticore.app.ChatStreams.joined;
import static dev.agenticore.app.ChatStreams.spec;
import static dev.agenticore.app.ChatStreams.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.RecordedRequest;
import dev.agenticore.testkit.anthropic.Reply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Chat completions through the official openai npm client, run by the real Claude Code CLI. */
@ExtendWith(ClaudeCodeExtension.class)
class AgentModeChatIT {
    @TempDir
    Path home;

    private OpenAiNodeClient client;
    private AgentModeHarness harness;

    @BeforeEach
    void findClient() throws Exception {
        client = OpenAiNodeClient.orSkip();
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Timeout(120)
    void streamedAndPlainRepliesParseWithSdk(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new AgentModeHarness(claude, home, Map.of());
        harness.model.enqueue(
                Reply.thinking("I should list files").thenToolUse("Bash", Map.of("command", "echo tool-output")),
                Reply.text("The answer is 42."),
                Reply.text("Plain answer."));

        JsonNode streamed = client.call(spec(harness.baseUrl(), true, Map.of(), user("what is the answer?")));
        RecordedRequest firstTurn = harness.model.mainTurnRequests().get(0);
        JsonNode plain = client.call(spec(harness.baseUrl(), false, Map.of(), user("say something plain")));

        assertThat(streamed.path("ok").asBoolean()).as(streamed.toString()).isTrue();
        assertThat(joined(streamed, "content")).isEqualTo("The answer is 42.");
        assertThat(joined(streamed, "reasoning_content"))
                .contains("I should list files")
                .contains("**Tool call: Bash**")
                .contains("**Tool result**")
                .contains("tool-output");
        assertThat(ChatStreams.finishChoice(streamed).path("finish_reason").asText())
                .isEqualTo("stop");
        assertThat(ChatStreams.lastChunk(streamed).path("choices").isEmpty()).isTrue();
        assertThat(ChatStreams.lastChunk(streamed)
                        .path("usage")
                        .path("total_tokens")
                        .asLong())
                .isPositive();
        assertThat(firstTurn.systemText()).contains("You are Anton, the test agent.");
        assertThat(plain.path("ok").asBoolean()).as(plain.toString()).isTrue();
        JsonNode completion = plain.path("completion");
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asText()).isEqualTo(AgentModeHarness.MODEL_NAME);
        assertThat(completion
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("Plain answer.");
        assertThat(completion.path("usage").path("total_tokens").asLong()).isPositive();
    }

    @Test
    @Timeout(120)
    void conversationHeaderResumesSession(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new AgentModeHarness(claude, home, Map.of());
        harness.model.enqueue(Reply.text("Noted: pelican."), Reply.text("It was pelican."));
        Map<String, String> headers = Map.of("X-Conversation-Id", "chat-42");

        client.call(spec(harness.baseUrl(), true, headers, user("remember the word pelican")));
        JsonNode second = client.call(spec(
                harness.baseUrl(),
                true,
                headers,
                conversation("remember the word pelican", "Noted: pelican.", "which word?")));

        RecordedRequest resumed = harness.model.lastMainTurnRequest();
        assertThat(joined(second, "content")).isEqualTo("It was pelican.");
        assertThat(resumed.assistantTexts()).contains("Noted: pelican.");
        assertThat(resumed.userTexts()).anySatisfy(text -> assertThat(text).contains("remember the word pelican"));
        assertThat(resumed.userTexts()).anySatisfy(text -> assertThat(text).contains("which word?"));
        assertThat(resumed.userTexts()).noneSatisfy(text -> assertThat(text).contains("[assistant]"));
    }

    @Test
    @Timeout(120)
    void hashTierResumesWithoutHeader(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new AgentModeHarness(claude, home, Map.of());
        harness.model.enqueue(Reply.text("Hi, I am Anton."), Reply.text("Still Anton."));

        client.call(spec(harness.baseUrl(), false, Map.of(), user("introduce yourself")));
        JsonNode second = client.call(spec(
                harness.baseUrl(), false, Map.of(), conversation("introduce yourself", "Hi, I am Anton.", "and now?")));

        RecordedRequest resumed = harness.model.lastMainTurnRequest();
        assertThat(second.path("ok").asBoolean()).as(second.toString()).isTrue();
        assertThat(resumed.assistantTexts()).contains("Hi, I am Anton.");
        assertThat(resumed.userTexts()).noneSatisfy(text -> assertThat(text).contains("[assistant]"));
    }

    @Test
    @Timeout(180)
    void slashTokensChangeStreamAndSurviveRestart(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new AgentModeHarness(claude, home, Map.of());
        JsonNode toggled = client.call(spec(harness.baseUrl(), true, Map.of(), user("/hide-all")));
        harness.close();
        harness = new AgentModeHarness(claude, home, Map.of());
        harness.model.enqueue(
                Reply.thinking("secret thoughts").thenText("Visible text."),
                Reply.thinking("shown thoughts").thenText("Visible again."));

        JsonNode hidden = client.call(spec(harness.baseUrl(), true, Map.of(), user("think quietly")));
        JsonNode shown = client.call(spec(harness.baseUrl(), true, Map.of(), user("/show-thinking think aloud")));

        assertThat(joined(toggled, "content")).contains("thinking hidden").contains("tools hidden");
        assertThat(harness.model.mainTurnRequests()).hasSize(2);
        assertThat(joined(hidden, "content")).isEqualTo("Visible text.");
        assertThat(joined(hidden, "reasoning_content")).isEmpty();
        assertThat(joined(shown, "reasoning_content")).contains("shown thoughts");
        assertThat(harness.model.lastMainTurnRequest().userTexts())
                .anySatisfy(text -> assertThat(text).contains("think aloud"))
                .noneSatisfy(text -> assertThat(text).contains("/show-thinking"));
    }
}
