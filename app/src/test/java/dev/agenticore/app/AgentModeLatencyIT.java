package dev.agenticore.app;

import static dev.agenticore.app.ChatStreams.spec;
import static dev.agenticore.app.ChatStreams.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.Reply;
import dev.agenticore.testkit.anthropic.SentEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how long streamed text takes from the scripted model, and from the CLI's output, to the
 * openai npm client, and writes the percentiles to {@code target/agent-mode-latency.txt}. It
 * asserts no times, only that every chunk arrived, because timings depend on the machine.
 */
@ExtendWith(ClaudeCodeExtension.class)
class AgentModeLatencyIT {
    private static final int CHUNKS = 200;

    @TempDir
    Path home;

    @Test
    @Timeout(180)
    void measureChunkDelays(ClaudeCodeExtension.Setup claude) throws Exception {
        OpenAiNodeClient client = OpenAiNodeClient.orSkip();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < CHUNKS; i++) {
            // 24 characters, the scripted model's delta size, so each one is one text delta
            text.append(String.format("chunk %03d of my answer. ", i));
        }
        try (AgentModeHarness harness = new AgentModeHarness(claude, home, Map.of())) {
            harness.model.enqueue(Reply.text(text.toString()).withChunkDelay(Duration.ofMillis(10)));

            JsonNode result = client.call(spec(harness.baseUrl(), true, Map.of(), user("stream a long answer")));

            List<JsonNode> received = ChatStreams.contentChunks(result);
            List<Instant> sent = textDeltasSent(harness.model.sentEvents());
            assertThat(ChatStreams.joined(result, "content")).isEqualTo(text.toString());
            assertThat(received).hasSize(sent.size());
            assertThat(harness.textDeltaTimes).hasSize(sent.size());
            report(result, received, sent, harness.textDeltaTimes);
        }
    }

    private static List<Instant> textDeltasSent(List<SentEvent> events) throws IOException {
        List<Instant> times = new ArrayList<>();
        for (SentEvent event : events) {
            JsonNode data = Json.mapper().readTree(event.data());
            if ("text_delta".equals(data.path("delta").path("type").asText())) {
                times.add(event.sentAt());
            }
        }
        return times;
    }

    private static void report(JsonNode result, List<JsonNode> received, List<Instant> sent, List<Instant> read)
            throws IOException {
        List<Double> fromModel = new ArrayList<>();
        List<Double> fromCli = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            double at = received.get(i).path("t").asDouble();
            fromModel.add(at - millis(sent.get(i)));
            fromCli.add(at - millis(read.get(i)));
        }
        double firstChunk = result.path("chunks").get(0).path("t").asDouble()
                - result.path("start").asDouble();
        double firstText =
                received.get(0).path("t").asDouble() - result.path("start").asDouble();
        String report = String.format(
                "chunks=%d%nmodel sent -> client received: p50=%.2f ms p99=%.2f ms%n"
                        + "CLI output read -> client received: p50=%.2f ms p99=%.2f ms%n"
                        + "request -> first chunk (role): %.1f ms%nrequest -> first text chunk: %.1f ms%n",
                received.size(),
                percentile(fromModel, 50),
                percentile(fromModel, 99),
                percentile(fromCli, 50),
                percentile(fromCli, 99),
                firstChunk,
                firstText);
        System.out.print(report);
        Files.writeString(Path.of("target", "agent-mode-latency.txt"), report);
    }

    private static double millis(Instant instant) {
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1_000_000.0;
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
