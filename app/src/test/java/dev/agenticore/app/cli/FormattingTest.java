package dev.agenticore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.json.Json;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Text formatting, tables, the event-stream parser and event lines, without a server. */
@Timeout(10)
class FormattingTest {
    @Test
    void truncateJoinsLinesAndCuts() {
        assertThat(TextFormat.truncate("  short  ", 10)).isEqualTo("short");
        assertThat(TextFormat.truncate("one\ntwo\tthree", 20)).isEqualTo("one two three");
        assertThat(TextFormat.truncate("abcdefghijkl", 8)).isEqualTo("abcde...");
    }

    @Test
    void timesAndSizesReadNaturally() {
        Instant now = Instant.parse("2026-01-02T00:00:00Z");
        assertThat(TextFormat.ago(now.minusSeconds(5), now)).isEqualTo("5s ago");
        assertThat(TextFormat.ago(now.minusSeconds(125), now)).isEqualTo("2m ago");
        assertThat(TextFormat.ago(now.minusSeconds(7200), now)).isEqualTo("2h ago");
        assertThat(TextFormat.ago(now.minusSeconds(3 * 86_400), now)).isEqualTo("3d ago");
        assertThat(TextFormat.elapsed(Duration.ofSeconds(65))).isEqualTo("1:05");
        assertThat(TextFormat.elapsed(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(TextFormat.dollars(0.01234)).isEqualTo("$0.0123");
        assertThat(TextFormat.bytes(512)).isEqualTo("512 B");
        assertThat(TextFormat.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(TextFormat.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
    }

    @Test
    void tableAlignsAndCutsColumns() {
        StringWriter out = new StringWriter();
        new Table()
                .column("ID", 4)
                .column("TASK", 10)
                .row("1", "a long task description")
                .row("1234567", null)
                .print(new PrintWriter(out));

        assertThat(out.toString()).isEqualTo("ID    TASK\n1     a long ...\n1...\n");
    }

    @Test
    void streamReaderParsesEventsAndSkipsComments() throws Exception {
        String stream = ": events of job j\n\nid: 1\nevent: text\ndata: {\"a\":1}\n\n: keep-alive\n\n"
                + "id:2\nevent: output\ndata: line one\ndata: line two\nretry: 5\n\nevent: end\ndata: {}\n\nid: 3\ndata: cut";
        EventStreamReader reader =
                new EventStreamReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));

        assertThat(reader.next()).isEqualTo(new ServerSentEvent("1", "text", "{\"a\":1}"));
        assertThat(reader.next()).isEqualTo(new ServerSentEvent("2", "output", "line one\nline two"));
        assertThat(reader.next()).isEqualTo(new ServerSentEvent(null, "end", "{}"));
        assertThat(reader.next()).isNull();
    }

    @Test
    void toolSummaryPicksTellingArgument() {
        assertThat(EventPrinter.summary("{\"command\":\"mvn -q test\",\"description\":\"Run tests\"}"))
                .isEqualTo(": mvn -q test");
        assertThat(EventPrinter.summary("{\"file_path\":\"/w/src/A.java\",\"content\":\"x\"}"))
                .isEqualTo(": /w/src/A.java");
        assertThat(EventPrinter.summary("{\"todos\":[1,2]}")).isEqualTo(": {\"todos\":[1,2]}");
        assertThat(EventPrinter.summary("{}")).isEmpty();
        assertThat(EventPrinter.summary("not json")).isEmpty();
        assertThat(EventPrinter.summary("{\"command\":\"" + "x".repeat(300) + "\"}"))
                .hasSize(102);
    }

    @Test
    void printerPrefixesElapsedTime() throws Exception {
        StringWriter out = new StringWriter();
        EventPrinter printer = new EventPrinter(new PrintWriter(out), Instant.parse("2026-01-01T10:00:00Z"));

        printer.print(Json.mapper()
                .readTree("{\"sequence\":4,\"time\":\"2026-01-01T10:01:05.000000+00:00\","
                        + "\"event\":{\"type\":\"text\",\"text\":\"First line\\nSecond line\"}}"));
        printer.print(Json.mapper()
                .readTree("{\"sequence\":5,\"time\":\"2026-01-01T10:02:00.000000+00:00\","
                        + "\"event\":{\"type\":\"result\",\"text\":\"rate limited\",\"is_error\":true,"
                        + "\"num_turns\":3,\"cost_usd\":0.5}}"));
        printer.print(Json.mapper()
                .readTree("{\"sequence\":6,\"time\":\"2026-01-01T10:02:00.000000+00:00\","
                        + "\"event\":{\"type\":\"thinking_delta\",\"text\":\"hmm\"}}"));

        assertThat(out.toString())
                .isEqualTo("[1:05] assistant: First line\n[1:05]   Second line\n"
                        + "[2:00] result: error, 3 turns, cost $0.5000: rate limited\n");
    }
}
