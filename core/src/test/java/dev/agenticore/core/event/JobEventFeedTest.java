package dev.agenticore.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.memory.InMemoryJobEventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class JobEventFeedTest {
    private final InMemoryJobEventLog log = new InMemoryJobEventLog(Clock.systemUTC());
    private final JobEventFeed feed = new JobEventFeed(log);

    @Test
    void readsMatchTheLogFromMemoryAndBeyond() {
        for (int i = 1; i <= 1500; i++) {
            feed.publish("job", new AgentEvent.Output("line " + i));
        }

        for (long after : new long[] {0, 1, 499, 500, 501, 1200, 1499, 1500}) {
            assertThat(feed.read("job", after, 50)).as("after %d", after).isEqualTo(log.read("job", after, 50));
        }
    }

    @Test
    void eventsOfAnotherWriterAreReadFromTheLog() {
        log.append("elsewhere", new AgentEvent.Output("written by another node"));

        List<JobEvent> events = feed.read("elsewhere", 0, 10);

        assertThat(events).extracting(JobEvent::sequence).containsExactly(1L);
    }

    @Test
    void waitingReaderWakesOnPublish() throws Exception {
        CompletableFuture<List<JobEvent>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return feed.await("job", 0, 10, Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);

        feed.publish("job", new AgentEvent.TextDelta("hello"));

        assertThat(waiting.get()).extracting(event -> event.event().type()).containsExactly("text_delta");
    }

    @Test
    void deleteForgetsTheCachedEvents() {
        feed.publish("job", new AgentEvent.Output("x"));

        feed.delete("job");

        assertThat(feed.read("job", 0, 10)).isEmpty();
    }
}
