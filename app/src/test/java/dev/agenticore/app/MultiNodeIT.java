package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three server processes from the fat jar on one Redis, with a stand-in agent. Jobs spread over the
 * nodes within each node's limit, and a cancel reaches the node running the job. The job of a node
 * killed with SIGKILL fails on the survivors once its lease expires. No job runs twice.
 */
@Timeout(240)
class MultiNodeIT {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int PARALLEL = 2;
    private static final int LEASE_SECONDS = 3;

    @TempDir
    Path directory;

    private final List<ServerProcess> nodes = new ArrayList<>();
    private final ClusterClient http = new ClusterClient();
    private CountingStandIn agent;

    @AfterEach
    void stopNodes() {
        nodes.forEach(ServerProcess::close);
    }

    @Test
    void jobsSpreadOverNodesWithinTheirLimit() throws Exception {
        startCluster();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            ids.add(submit(nodes.get(0), "task " + i));
        }

        List<JsonNode> jobs = new ArrayList<>();
        for (String id : ids) {
            jobs.add(nodes.get(2).awaitJob(id, "succeeded", Duration.ofSeconds(90)));
        }

        Map<String, List<JsonNode>> byNode = new HashMap<>();
        jobs.forEach(job -> byNode.computeIfAbsent(job.get("pod_name").asText(), k -> new ArrayList<>())
                .add(job));
        assertThat(jobs).extracting(job -> job.get("status").asText()).containsOnly("succeeded");
        assertThat(byNode.keySet()).containsExactlyInAnyOrder("node-1", "node-2", "node-3");
        byNode.forEach((node, ran) ->
                assertThat(maxOverlap(ran)).as("jobs at once on " + node).isLessThanOrEqualTo(PARALLEL));
        assertThat(agent.runsPerJob())
                .hasSize(ids.size())
                .allSatisfy(
                        (id, runs) -> assertThat(runs).as("runs of job " + id).isEqualTo(1));
    }

    @Test
    void cancelReachesOtherNode() throws Exception {
        startCluster();
        String id = submit(nodes.get(0), "hold-on");
        JsonNode running = awaitPid(id);
        long pid = running.get("pid").asLong();
        ServerProcess other = nodes.stream()
                .filter(node -> !("node-" + (nodes.indexOf(node) + 1))
                        .equals(running.get("pod_name").asText()))
                .findFirst()
                .orElseThrow();

        ClusterClient.Reply cancelled = http.delete(other.port(), "/jobs/" + id);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("job").get("status").asText()).isEqualTo("cancelled");
        assertThat(exitsWithin(pid, Duration.ofSeconds(20)))
                .as("agent process ended")
                .isTrue();
        assertThat(nodes.get(1).get("/jobs/" + id).get("job").get("status").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void killedNodeJobFailsOnSurvivors() throws Exception {
        startCluster();
        String id = submit(nodes.get(0), "hold-on");
        JsonNode running = awaitPid(id);
        String lost = running.get("pod_name").asText();
        int index = Integer.parseInt(lost.substring("node-".length())) - 1;
        ServerProcess survivor = nodes.get((index + 1) % nodes.size());

        Instant killed = Instant.now();
        nodes.get(index).kill();
        JsonNode failed = survivor.awaitJob(id, "failed", Duration.ofSeconds(LEASE_SECONDS * 10L));
        ProcessHandle.of(running.get("pid").asLong()).ifPresent(ProcessHandle::destroyForcibly);
        String after = submit(survivor, "after the crash");

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).contains("node " + lost + " ");
        assertThat(Duration.between(killed, Instant.now())).isLessThan(Duration.ofSeconds(LEASE_SECONDS * 10L));
        assertThat(survivor.awaitJob(after, "succeeded", Duration.ofSeconds(60))
                        .get("status")
                        .asText())
                .isEqualTo("succeeded");
        assertThat(agent.runsPerJob()).containsEntry(id, 1);
    }

    @Test
    void drainedNodeTakesNoJobs() throws Exception {
        startCluster();

        String drainOutput = runCommand("drain", "--node", "node-1", "--timeout", "60");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(submit(nodes.get(0), "while draining " + i));
        }
        List<String> ranOn = new ArrayList<>();
        for (String id : ids) {
            ranOn.add(nodes.get(0)
                    .awaitJob(id, "succeeded", Duration.ofSeconds(60))
                    .get("pod_name")
                    .asText());
        }
        String cancelOutput = runCommand("drain", "--node", "node-1", "--cancel");
        CommandResult unknown = runCommandWithExit("drain", "--node", "node-9", "--timeout", "5");

        assertThat(drainOutput).contains("Node node-1 is drained");
        assertThat(nodes.get(0).get("/health").get("draining").asBoolean()).isTrue();
        assertThat(ranOn).hasSize(ids.size()).doesNotContain("node-1");
        assertThat(cancelOutput).contains("Node node-1 takes jobs again");
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(1);
        assertThat(unknown.output()).contains("node node-9 not found");
        assertThat(unknown.output()).contains("node-1, node-2, node-3");
    }

    @Test
    void secondNodeWithTheSameNameIsRefused() throws Exception {
        startCluster();
        Map<String, String> environment = agent.environment(directory.resolve("impostor"), "node-2");
        environment.put("REDIS_URL", REDIS.url());
        environment.put("REDIS_KEY_PREFIX", "cluster-it");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ServerProcess.jar().toString(),
                "serve",
                "--port",
                "0");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process impostor = builder.start();
        String output = new String(impostor.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(impostor.waitFor()).as(output).isEqualTo(1);
        assertThat(output).contains("another running node is named node-2");
        assertThat(nodes.get(1).get("/health").get("status").asText()).isEqualTo("ok");
    }

    /** Runs an {@code agenticore} command against the cluster's Redis and returns its output. */
    private String runCommand(String... arguments) throws Exception {
        CommandResult result = runCommandWithExit(arguments);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    private record CommandResult(int exitCode, String output) {}

    /** Runs an {@code agenticore} command against the cluster's Redis and returns its exit code and output. */
    private CommandResult runCommandWithExit(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ServerProcess.jar().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AGENTICORE_HOME", directory.resolve("cli").toString());
        builder.environment().put("REDIS_URL", REDIS.url());
        builder.environment().put("REDIS_KEY_PREFIX", "cluster-it");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new CommandResult(process.waitFor(), output);
    }

    private void startCluster() throws Exception {
        agent = CountingStandIn.create(directory);
        for (int i = 1; i <= 3; i++) {
            String node = "node-" + i;
            Map<String, String> environment = agent.environment(directory.resolve(node), node);
            environment.put("REDIS_URL", REDIS.url());
            environment.put("REDIS_KEY_PREFIX", "cluster-it");
            environment.put("AGENTICORE_MAX_PARALLEL_JOBS", Integer.toString(PARALLEL));
            environment.put("AGENTICORE_LEASE_TIMEOUT", Integer.toString(LEASE_SECONDS));
            environment.put("FAKE_CLAUDE_SECONDS", "1");
            nodes.add(ServerProcess.start(environment, directory.resolve(node + ".log")));
        }
    }

    private String submit(ServerProcess node, String task) throws Exception {
        ClusterClient.Reply reply = http.post(node.port(), "/jobs", "{\"task\": \"" + task + "\"}");
        assertThat(reply.status()).as(reply.body().toString()).isIn(200, 201, 202);
        return reply.body().get("job").get("id").asText();
    }

    private JsonNode awaitPid(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode job = nodes.get(0).get("/jobs/" + id).get("job");
        while (job.get("pid").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = nodes.get(0).get("/jobs/" + id).get("job");
        }
        assertThat(job.get("pid").isNull()).as(job.toString()).isFalse();
        return job;
    }

    /** Returns the largest number of jobs whose run intervals overlap at one instant. */
    private static int maxOverlap(List<JsonNode> jobs) {
        List<Instant[]> intervals = new ArrayList<>();
        for (JsonNode job : jobs) {
            intervals.add(new Instant[] {
                Instant.parse(job.get("started_at").asText()),
                Instant.parse(job.get("ended_at").asText())
            });
        }
        int max = 0;
        Set<Instant> starts = new HashSet<>();
        intervals.forEach(interval -> starts.add(interval[0]));
        for (Instant start : starts) {
            int overlapping = (int) intervals.stream()
                    .filter(interval -> !interval[0].isAfter(start) && interval[1].isAfter(start))
                    .count();
            max = Math.max(max, overlapping);
        }
        return max;
    }

    private static boolean exitsWithin(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
