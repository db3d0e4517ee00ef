package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed with SIGKILL while one job runs and another waits, then started again on the
 * same file store. A stand-in for the Claude Code CLI prints an init line and sleeps, or finishes
 * at once when the marker file exists.
 */
@Timeout(180)
class RestartRecoveryIT {
    private static final String FAKE_CLAUDE = """
            #!/bin/sh
            echo '{"type":"system","subtype":"init","session_id":"s-1","model":"stand-in"}'
            if [ -f "$FAKE_CLAUDE_FINISH" ]; then
              echo '{"type":"result","subtype":"success","is_error":false,"result":"finished","session_id":"s-1","num_turns":1,"duration_ms":5,"total_cost_usd":0}'
              exit 0
            fi
            exec sleep 300
            """;

    @TempDir
    Path home;

    @Test
    void killedServerFailsRunningJobAndRunsQueuedOneAfterRestart() throws Exception {
        Path marker = home.resolve("finish");
        Map<String, String> environment = Map.of(
                "AGENTICORE_HOME", home.toString(),
                "AGENTICORE_CLAUDE_BINARY", fakeClaude().toString(),
                "AGENTICORE_MAX_PARALLEL_JOBS", "1",
                "FAKE_CLAUDE_FINISH", marker.toString());
        Path log = home.resolve("server.log");

        String running;
        String queued;
        long orphanPid;
        try (ServerProcess first = ServerProcess.start(environment, log)) {
            running = first.post("/jobs", "{\"task\": \"long\"}")
                    .get("job")
                    .get("id")
                    .asText();
            queued = first.post("/jobs", "{\"task\": \"next\"}")
                    .get("job")
                    .get("id")
                    .asText();
            orphanPid = awaitPid(first, running);

            first.kill();
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                .as("the agent outlives a killed server")
                .isTrue();
        Files.writeString(marker, "");

        try (ServerProcess second = ServerProcess.start(environment, log)) {
            JsonNode interrupted = second.get("/jobs/" + running).get("job");
            JsonNode resumed = second.awaitJob(queued, "succeeded", Duration.ofSeconds(60));

            assertThat(interrupted.get("status").asText()).isEqualTo("failed");
            assertThat(interrupted.get("error").asText())
                    .isEqualTo("the server stopped while the job was running; submit the task again");
            assertThat(interrupted.get("ended_at").isNull()).isFalse();
            assertThat(resumed.get("status").asText()).isEqualTo("succeeded");
            assertThat(resumed.get("output").asText()).isEqualTo("finished");
            assertThat(exited(orphanPid))
                    .as("recovery stops the leftover agent")
                    .isTrue();
        }
    }

    @Test
    void sigtermFailsRunningJobWithShutdownReasonAndExitsCleanly() throws Exception {
        Map<String, String> environment = Map.of(
                "AGENTICORE_HOME", home.toString(),
                "AGENTICORE_CLAUDE_BINARY", fakeClaude().toString(),
                "AGENTICORE_DRAIN_TIMEOUT", "1",
                "FAKE_CLAUDE_FINISH", home.resolve("never").toString());
        Path log = home.resolve("server.log");
        String id;
        long agentPid;
        int exitCode;
        try (ServerProcess server = ServerProcess.start(environment, log)) {
            id = server.post("/jobs", "{\"task\": \"long\"}")
                    .get("job")
                    .get("id")
                    .asText();
            agentPid = awaitPid(server, id);

            exitCode = server.terminate(Duration.ofSeconds(60));
        }

        assertThat(exitCode).isIn(0, 143);
        assertThat(ProcessHandle.of(agentPid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        try (ServerProcess again = ServerProcess.start(environment, log)) {
            JsonNode job = again.get("/jobs/" + id).get("job");
            assertThat(job.get("status").asText()).isEqualTo("failed");
            assertThat(job.get("error").asText()).isEqualTo("the server shut down before the job finished");
        }
    }

    @Test
    void killedServerLosesNoneOfManyJobs() throws Exception {
        Map<String, String> environment = Map.of(
                "AGENTICORE_HOME", home.toString(),
                "AGENTICORE_CLAUDE_BINARY", StandInAgent.install(home).toString(),
                "AGENTICORE_MAX_PARALLEL_JOBS", "3");
        Path log = home.resolve("server.log");
        java.util.List<String> running = new java.util.ArrayList<>();
        java.util.List<String> queued = new java.util.ArrayList<>();
        try (ServerProcess first = ServerProcess.start(environment, log)) {
            for (int i = 0; i < 3; i++) {
                running.add(first.post("/jobs", "{\"task\": \"sleep " + i + "\"}")
                        .get("job")
                        .get("id")
                        .asText());
            }
            for (int i = 0; i < 5; i++) {
                queued.add(first.post("/jobs", "{\"task\": \"quick " + i + "\"}")
                        .get("job")
                        .get("id")
                        .asText());
            }
            for (String id : running) {
                awaitPid(first, id);
            }

            first.kill();
        }

        try (ServerProcess second = ServerProcess.start(environment, log)) {
            for (String id : running) {
                JsonNode job = second.get("/jobs/" + id).get("job");
                assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("failed");
                assertThat(exited(job.get("pid").asLong())).isTrue();
            }
            for (String id : queued) {
                assertThat(second.awaitJob(id, "succeeded", Duration.ofSeconds(60))
                                .get("status")
                                .asText())
                        .isEqualTo("succeeded");
            }
            assertThat(second.get("/jobs?status=running").get("count").asInt()).isZero();
            assertThat(second.get("/jobs?limit=100").get("count").asInt()).isEqualTo(8);
        }
    }

    /** Returns whether the process is gone, allowing init a moment to reap it after SIGKILL. */
    private static boolean exited(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private long awaitPid(ServerProcess server, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode job = server.get("/jobs/" + id).get("job");
        while (job.get("pid").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = server.get("/jobs/" + id).get("job");
        }
        assertThat(job.get("pid").isNull()).as(job.toString()).isFalse();
        return job.get("pid").asLong();
    }

    private Path fakeClaude() throws Exception {
        Path script = home.resolve("fake-claude");
        Files.writeString(script, FAKE_CLAUDE);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
