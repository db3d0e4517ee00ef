package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One hundred running jobs cancelled at once, each by two concurrent requests. */
@Timeout(240)
class CancelStormIT {
    private static final int JOBS = 100;

    @TempDir
    Path home;

    @Test
    void hundredCancelsLeaveNoAgentProcessAlive() throws Exception {
        try (ServerHarness server = ServerHarness.withStandIn(
                home, Map.of("AGENTICORE_MAX_PARALLEL_JOBS", Integer.toString(JOBS), "AGENTICORE_KILL_GRACE", "2"))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                ids.add(server.submit("{\"task\": \"sleep " + i + "\"}")
                        .get("id")
                        .asText());
            }
            List<ProcessHandle> processes = new ArrayList<>();
            for (String id : ids) {
                processes.addAll(agentTree(server, id));
            }

            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<JsonNode>> cancels = new ArrayList<>();
            for (String id : ids) {
                cancels.add(pool.submit(() -> server.delete("/jobs/" + id)));
                cancels.add(pool.submit(() -> server.delete("/jobs/" + id)));
            }
            for (Future<JsonNode> cancel : cancels) {
                assertThat(cancel.get().get("job").get("status").asText()).isEqualTo("cancelled");
            }
            pool.shutdown();

            for (String id : ids) {
                assertThat(awaitExitCode(server, id).get("status").asText()).isEqualTo("cancelled");
            }
            assertThat(awaitAllExited(processes, Duration.ofSeconds(30))).isEmpty();
        }
    }

    private static List<ProcessHandle> agentTree(ServerHarness server, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = server.get("/jobs/" + id).get("job");
        while (job.get("pid").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = server.get("/jobs/" + id).get("job");
        }
        assertThat(job.get("pid").isNull())
                .as("job %s never started: %s", id, job)
                .isFalse();
        ProcessHandle root = ProcessHandle.of(job.get("pid").asLong()).orElseThrow();
        long childDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (root.children().findAny().isEmpty() && System.nanoTime() < childDeadline) {
            Thread.sleep(10);
        }
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        return tree;
    }

    private static JsonNode awaitExitCode(ServerHarness server, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = server.get("/jobs/" + id).get("job");
        while (job.get("exit_code").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = server.get("/jobs/" + id).get("job");
        }
        return job;
    }

    private static List<ProcessHandle> awaitAllExited(List<ProcessHandle> processes, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> alive =
                processes.stream().filter(ProcessHandle::isAlive).toList();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            alive = alive.stream().filter(ProcessHandle::isAlive).toList();
        }
        return alive;
    }
}
