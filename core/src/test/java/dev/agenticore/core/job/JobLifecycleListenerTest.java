package dev.agenticore.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JobLifecycleListenerTest {

    @Test
    void listenerReceivesEndedJob() throws Exception {
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> WorkerHarness.success("done"), JobSettings.defaults("node-a"), 60)) {
            LinkedBlockingQueue<Job> ended = new LinkedBlockingQueue<>();
            harness.worker.setLifecycleListener(ended::add);
            harness.worker.start();

            String id = harness.service.submit(JobRequest.of("do it")).id();
            Job reported = ended.poll(30, TimeUnit.SECONDS);

            assertThat(reported).isNotNull();
            assertThat(reported.id()).isEqualTo(id);
            assertThat(reported.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(reported.endedAt()).isNotNull();
        }
    }

    @Test
    void failingListenerDoesNotStopWorker() throws Exception {
        try (WorkerHarness harness = new WorkerHarness(
                (invocation, events) -> WorkerHarness.success("done"), JobSettings.defaults("node-a"), 60)) {
            harness.worker.setLifecycleListener(job -> {
                throw new IllegalStateException("listener broke");
            });
            harness.worker.start();

            Job first = harness.awaitTerminal(
                    harness.service.submit(JobRequest.of("one")).id());
            Job second = harness.awaitTerminal(
                    harness.service.submit(JobRequest.of("two")).id());

            assertThat(first.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(second.status()).isEqualTo(JobStatus.SUCCEEDED);
        }
    }
}
