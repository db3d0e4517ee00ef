package dev.agenticore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentUsage;
import dev.agenticore.core.event.JobEvent;
import dev.agenticore.core.event.JobEventLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link JobEventLog} must have. A subclass returns a new, empty log from {@link
 * #newLog(Clock)}, which runs before each test.
 */
public abstract class JobEventLogContract {
    /** Time of the fixed clock passed to {@link #newLog(Clock)}, in microseconds like wire timestamps. */
    protected static final Instant NOW = Instant.parse("2026-03-01T10:00:00.654321Z");

    private JobEventLog log;

    /**
     * Creates the log under test.
     *
     * @param clock the clock the log must stamp events with
     * @return a new log with no events, never null
     */
    protected abstract JobEventLog newLog(Clock clock);

    /** Returns the log created for the current test. */
    protected JobEventLog log() {
        return log;
    }

    @BeforeEach
    void createLog() {
        log = newLog(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Returns a new random job id. */
    protected static String newJobId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void sequencesStartAtOneAndIncreaseByOne() {
        String jobId = newJobId();

        JobEvent first = log.append(jobId, new AgentEvent.TextDelta("a"));
        JobEvent second = log.append(jobId, new AgentEvent.TextDelta("b"));

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(first.time()).isEqualTo(NOW);
    }

    @Test
    void eachJobHasItsOwnSequence() {
        String one = newJobId();
        String other = newJobId();
        log.append(one, new AgentEvent.TextDelta("a"));

        JobEvent appended = log.append(other, new AgentEvent.TextDelta("b"));

        assertThat(appended.sequence()).isEqualTo(1);
        assertThat(log.read(one, 0, 10)).hasSize(1);
    }

    @Test
    void readReturnsEventsWithTheirContent() {
        String jobId = newJobId();
        List<AgentEvent> events = List.of(
                new AgentEvent.SessionStarted("session-1", "sonnet"),
                new AgentEvent.TextDelta("line one\nline \"two\""),
                new AgentEvent.ThinkingDelta("thinking"),
                new AgentEvent.AssistantText("answer"),
                new AgentEvent.ToolCall("tool-1", "Bash", "{\"command\":\"ls\"}"),
                new AgentEvent.ToolResult("tool-1", "README.md", false),
                new AgentEvent.Result("done", false, "session-1", 3, 1200L, 0.5, new AgentUsage(10, 20, 30, 40)),
                new AgentEvent.Output("plain text"));
        events.forEach(event -> log.append(jobId, event));

        List<JobEvent> read = log.read(jobId, 0, 100);

        assertThat(read).extracting(JobEvent::event).containsExactlyElementsOf(events);
        assertThat(read).extracting(JobEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(read).extracting(JobEvent::time).containsOnly(NOW);
    }

    @Test
    void readStartsAfterTheGivenSequence() {
        String jobId = newJobId();
        appendTexts(jobId, 5);

        List<JobEvent> read = log.read(jobId, 2, 100);

        assertThat(read).extracting(JobEvent::sequence).containsExactly(3L, 4L, 5L);
        assertThat(read.get(0).event()).isEqualTo(new AgentEvent.TextDelta("text 3"));
    }

    @Test
    void readStopsAtLimit() {
        String jobId = newJobId();
        appendTexts(jobId, 10);

        List<JobEvent> read = log.read(jobId, 3, 4);

        assertThat(read).extracting(JobEvent::sequence).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void readPastTheEndIsEmpty() {
        String jobId = newJobId();
        appendTexts(jobId, 3);

        assertThat(log.read(jobId, 3, 10)).isEmpty();
        assertThat(log.read(jobId, 50, 10)).isEmpty();
    }

    @Test
    void readOfUnknownJobIsEmpty() {
        assertThat(log.read(newJobId(), 0, 10)).isEmpty();
    }

    @Test
    @Timeout(30)
    void sequencesAreGapFreeUnderConcurrentAppends() throws Exception {
        String jobId = newJobId();
        int threads = 8;
        int appendsPerThread = 50;

        Concurrently.run(threads, () -> {
            for (int i = 0; i < appendsPerThread; i++) {
                log.append(
                        jobId, new AgentEvent.TextDelta(Thread.currentThread().getName()));
            }
            return null;
        });

        long total = (long) threads * appendsPerThread;
        List<JobEvent> read = log.read(jobId, 0, (int) total + 10);
        assertThat(read)
                .extracting(JobEvent::sequence)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, total).boxed().toList());
    }

    @Test
    void deleteRemovesLog() {
        String jobId = newJobId();
        appendTexts(jobId, 3);

        log.delete(jobId);

        assertThat(log.read(jobId, 0, 10)).isEmpty();
    }

    @Test
    void appendAfterDeleteStartsAgainAtOne() {
        String jobId = newJobId();
        appendTexts(jobId, 3);
        log.delete(jobId);

        JobEvent appended = log.append(jobId, new AgentEvent.TextDelta("again"));

        assertThat(appended.sequence()).isEqualTo(1);
        assertThat(log.read(jobId, 0, 10)).containsExactly(appended);
    }

    @Test
    void deleteOfUnknownJobDoesNothing() {
        String kept = newJobId();
        appendTexts(kept, 1);

        log.delete(newJobId());

        assertThat(log.read(kept, 0, 10)).hasSize(1);
    }

    /** Appends {@code count} text deltas {@code "text 1"} to {@code "text <count>"}. */
    protected void appendTexts(String jobId, int count) {
        for (int i = 1; i <= count; i++) {
            log.append(jobId, new AgentEvent.TextDelta("text " + i));
        }
    }
}
