package dev.agenticore.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parses output of Claude Code 2.1.197. The files under {@code stream-json/} were recorded from
 * that version running against a scripted local stand-in for the Messages API, which returned
 * thinking, text and a Bash tool call. Paths in them were shortened afterwards.
 */
class StreamJsonParserTest {
    private static List<AgentEvent> parseRecording(String name) throws IOException {
        try (InputStream input = StreamJsonParserTest.class.getResourceAsStream("/stream-json/" + name)) {
            assertThat(input).as("recording %s", name).isNotNull();
            String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            StreamJsonParser parser = new StreamJsonParser();
            List<AgentEvent> events = new ArrayList<>();
            text.lines().forEach(line -> events.addAll(parser.parse(line)));
            return events;
        }
    }

    private static List<AgentEvent> parse(String... lines) {
        StreamJsonParser parser = new StreamJsonParser();
        List<AgentEvent> events = new ArrayList<>();
        for (String line : lines) {
            events.addAll(parser.parse(line));
        }
        return events;
    }

    @Test
    void recordedToolRunGivesEvents() throws IOException {
        List<AgentEvent> events = parseRecording("tool-run.jsonl");

        assertThat(events).hasSize(7);
        assertThat(events.get(0))
                .isEqualTo(
                        new AgentEvent.SessionStarted("b64261f4-a9fb-44ad-82f6-3e8057ca6c2d", "claude-opus-4-8[1m]"));
        assertThat(events.get(1)).isEqualTo(new AgentEvent.ThinkingDelta("Let me run it."));
        assertThat(events.get(2)).isEqualTo(new AgentEvent.AssistantText("Running."));
        assertThat(events.get(3))
                .isEqualTo(new AgentEvent.ToolCall(
                        "toolu_01", "Bash", "{\"command\":\"echo hi\",\"description\":\"Print hi\"}"));
        assertThat(events.get(4)).isEqualTo(new AgentEvent.ToolResult("toolu_01", "hi", false));
        assertThat(events.get(5)).isEqualTo(new AgentEvent.AssistantText("Done: it printed hi."));
        assertThat(events.get(6))
                .isEqualTo(new AgentEvent.Result(
                        "Done: it printed hi.",
                        false,
                        "b64261f4-a9fb-44ad-82f6-3e8057ca6c2d",
                        2,
                        187L,
                        0.000523,
                        new AgentUsage(24, 14, 6, 8)));
    }

    @Test
    void partialMessagesStreamDeltas() throws IOException {
        List<AgentEvent> events = parseRecording("partial-messages.jsonl");

        assertThat(events).filteredOn(AgentEvent.TextDelta.class::isInstance).hasSize(2);
        assertThat(events)
                .filteredOn(AgentEvent.ThinkingDelta.class::isInstance)
                .containsExactly(new AgentEvent.ThinkingDelta("Let me run it."));
        assertThat(events)
                .filteredOn(AgentEvent.AssistantText.class::isInstance)
                .hasSize(2);
        assertThat(events).filteredOn(AgentEvent.ToolCall.class::isInstance).hasSize(1);
        assertThat(events).last().isInstanceOf(AgentEvent.Result.class);
    }

    @Test
    void maxTurnsResultIsError() throws IOException {
        List<AgentEvent> events = parseRecording("max-turns.jsonl");

        AgentEvent.Result result = (AgentEvent.Result) events.get(events.size() - 1);
        assertThat(result.isError()).isTrue();
        assertThat(result.text()).isEqualTo("Reached maximum number of turns (1)");
        assertThat(result.numTurns()).isEqualTo(2);
    }

    @Test
    void errorSubtypeWithoutFlagIsError() {
        List<AgentEvent> events =
                parse("{\"type\":\"result\",\"subtype\":\"error_during_execution\",\"session_id\":\"s\"}");

        AgentEvent.Result result = (AgentEvent.Result) events.get(0);
        assertThat(result.isError()).isTrue();
        assertThat(result.text()).isEmpty();
        assertThat(result.numTurns()).isNull();
        assertThat(result.durationMs()).isNull();
        assertThat(result.costUsd()).isNull();
        assertThat(result.usage()).isEqualTo(AgentUsage.NONE);
    }

    @Test
    void toolResultListJoinsTextItems() {
        List<AgentEvent> events = parse(
                "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":"
                        + "\"tool_result\",\"tool_use_id\":\"toolu_02\",\"is_error\":true,\"content\":[{\"type\":\"text\","
                        + "\"text\":\"line one\"},{\"type\":\"image\",\"source\":{}},{\"type\":\"text\",\"text\":\"line two\"}]}]}}");

        assertThat(events).containsExactly(new AgentEvent.ToolResult("toolu_02", "line one\nline two", true));
    }

    @Test
    void userTextMessageGivesNothing() {
        assertThat(parse("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"hello\"}}"))
                .isEmpty();
    }

    @Test
    void thinkingSkippedAfterStreamedThinking() {
        List<AgentEvent> events = parse(
                "{\"type\":\"stream_event\",\"event\":{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Hmm.\"}}}",
                "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"thinking\",\"thinking\":\"Hmm.\"}]}}");

        assertThat(events).containsExactly(new AgentEvent.ThinkingDelta("Hmm."));
    }

    @Test
    void nonJsonLineBecomesOutput() {
        assertThat(parse("Error: something broke")).containsExactly(new AgentEvent.Output("Error: something broke"));
        assertThat(parse("[1, 2]")).containsExactly(new AgentEvent.Output("[1, 2]"));
        assertThat(parse("{\"type\":")).containsExactly(new AgentEvent.Output("{\"type\":"));
    }

    @Test
    void unknownOrOddJsonGivesNothing() {
        assertThat(parse(
                        "{\"type\":\"system\",\"subtype\":\"api_retry\",\"attempt\":1}",
                        "{\"type\":\"rate_limit_event\"}",
                        "{\"no_type\":true}",
                        "{\"type\":\"assistant\",\"message\":\"not an object\"}",
                        "{\"type\":\"stream_event\",\"event\":{\"type\":\"message_stop\"}}",
                        "   "))
                .isEmpty();
    }

    @Test
    void nonTextFieldBecomesEmptyText() {
        assertThat(parse("{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":{\"x\":1}}]}}"))
                .containsExactly(new AgentEvent.AssistantText(""));
    }

    @Test
    void toolCallWithoutInputIsEmptyObject() {
        List<AgentEvent> events = parse(
                "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"Read\"}]}}");

        assertThat(events).containsExactly(new AgentEvent.ToolCall("t", "Read", "{}"));
    }

    @Test
    void invalidUtf8TextIsKept() {
        String line = new String(new byte[] {'o', 'k', (byte) 0xC3}, StandardCharsets.UTF_8);

        assertThat(parse(line)).containsExactly(new AgentEvent.Output("ok\uFFFD"));
    }
}
