package dev.agenticore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.event.JobEvent;
import dev.agenticore.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJobEventLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00.123456789Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private final String jobId = UUID.randomUUID().toString();

    @Test
    void lineHasSequenceTimeAndWireEvent() throws Exception {
        FileJobEventLog log = new FileJobEventLog(root, CLOCK);

        JobEvent appended = log.append(jobId, new AgentEvent.ToolCall("t1", "Bash", "{}"));

        List<String> lines = Files.readAllLines(eventFile());
        assertThat(lines).hasSize(1);
        JsonNode line = Json.mapper().readTree(lines.get(0));
        assertThat(line.get("seq").asLong()).isEqualTo(1);
        assertThat(line.get("time").asText()).isEqualTo("2026-03-01T10:00:00.123456+00:00");
        assertThat(line.get("event").get("type").asText()).isEqualTo("tool_call");
        assertThat(line.get("event").get("name").asText()).isEqualTo("Bash");
        assertThat(appended.time()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
    }

    @Test
    void reopenedLogContinuesSequence() {
        FileJobEventLog first = new FileJobEventLog(root, CLOCK);
        appendTexts(first, 3);

        FileJobEventLog reopened = new FileJobEventLog(root, CLOCK);
        JobEvent appended = reopened.append(jobId, new AgentEvent.TextDelta("after restart"));

        assertThat(appended.sequence()).isEqualTo(4);
        assertThat(reopened.read(jobId, 0, 10)).extracting(JobEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(reopened.read(jobId, 2, 1))
                .extracting(JobEvent::event)
                .containsExactly(new AgentEvent.TextDelta("text 3"));
    }

    @Test
    void tornLastLineIsIgnoredAndOverwritten() throws Exception {
        appendTexts(new FileJobEventLog(root, CLOCK), 2);
        Files.writeString(eventFile(), "{\"seq\":3,\"time\":\"2026-", StandardOpenOption.APPEND);

        FileJobEventLog reopened = new FileJobEventLog(root, CLOCK);
        assertThat(reopened.read(jobId, 0, 10)).extracting(JobEvent::sequence).containsExactly(1L, 2L);
        JobEvent appended = reopened.append(jobId, new AgentEvent.TextDelta("after crash"));

        assertThat(appended.sequence()).isEqualTo(3);
        assertThat(Files.readAllLines(eventFile()))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).endsWith("}"));
        assertThat(new FileJobEventLog(root, CLOCK).read(jobId, 2, 10)).containsExactly(appended);
    }

    @Test
    void unreadableMiddleLineIsSkipped() throws Exception {
        appendTexts(new FileJobEventLog(root, CLOCK), 1);
        Files.writeString(eventFile(), "not json\n", StandardOpenOption.APPEND);
        FileJobEventLog second = new FileJobEventLog(root, CLOCK);
        second.append(jobId, new AgentEvent.TextDelta("text 2"));

        List<JobEvent> read = new FileJobEventLog(root, CLOCK).read(jobId, 0, 10);

        assertThat(read).extracting(JobEvent::sequence).containsExactly(1L, 2L);
    }

    @Test
    void readAfterSequenceSeeksInLargeLog() {
        FileJobEventLog log = new FileJobEventLog(root, CLOCK);
        appendTexts(log, 2000);

        List<JobEvent> read = new FileJobEventLog(root, CLOCK).read(jobId, 1500, 3);

        assertThat(read).extracting(JobEvent::sequence).containsExactly(1501L, 1502L, 1503L);
        assertThat(read.get(0).event()).isEqualTo(new AgentEvent.TextDelta("text 1501"));
    }

    @Test
    void deleteRemovesFile() {
        FileJobEventLog log = new FileJobEventLog(root, CLOCK);
        appendTexts(log, 2);

        log.delete(jobId);

        assertThat(eventFile()).doesNotExist();
    }

    @Test
    void pathTraversalIdsAreRejected() throws Exception {
        Path jobs = root.resolve("jobs");
        FileJobEventLog log = new FileJobEventLog(jobs, CLOCK);
        Files.writeString(root.resolve("outside.events.jsonl"), "{}\n", StandardCharsets.UTF_8);

        for (String id : List.of("../outside", "..", "a/b", "a\0b", ".hidden")) {
            assertThatThrownBy(() -> log.append(id, new AgentEvent.TextDelta("x")))
                    .as("append %s", id)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(log.read(id, 0, 10)).as("read %s", id).isEmpty();
            log.delete(id);
        }

        assertThat(root.resolve("outside.events.jsonl")).exists();
    }

    private void appendTexts(FileJobEventLog log, int count) {
        for (int i = 1; i <= count; i++) {
            log.append(jobId, new AgentEvent.TextDelta("text " + i));
        }
    }

    private Path eventFile() {
        return root.resolve(jobId + ".events.jsonl");
    }
}
