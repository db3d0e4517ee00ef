package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.testkit.redis.RedisServerExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one Redis while Redis stops for a few seconds and starts again with its
 * data, under a steady stream of submissions. Requests during the outage get 503, the servers
 * recover by themselves and every job accepted before or after the outage ends.
 */
@Timeout(240)
class RedisOutageIT {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled", "expired");

    @TempDir
    Path directory;

    private final ClusterClient http = new ClusterClient();
    private ServerProcess first;
    private ServerProcess second;

    @AfterEach
    void stopNodes() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void outageGives503ThenJobsFinish() throws Exception {
        CountingStandIn agent = CountingStandIn.create(directory);
        first = ServerProcess.start(environment(agent, "node-1"), directory.resolve("node-1.log"));
        second = ServerProcess.start(environment(agent, "node-2"), directory.resolve("node-2.log"));
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<JsonNode> rejected = new CopyOnWriteArrayList<>();
        AtomicBoolean submitting = new AtomicBoolean(true);
        Thread load = new Thread(() -> submitUntilStopped(submitting, accepted, rejected));
        load.start();

        Thread.sleep(3000);
        REDIS.restart(Duration.ofSeconds(4));
        Thread.sleep(4000);
        submitting.set(false);
        load.join();

        assertThat(rejected).as("requests answered 503 during the outage").isNotEmpty();
        assertThat(rejected.get(0).get("error").asText()).contains("storage is unavailable");
        assertThat(accepted).hasSizeGreaterThan(5);
        for (String id : accepted) {
            JsonNode job = awaitTerminal(id, Duration.ofSeconds(90));
            assertThat(job.get("status").asText()).as(job.toString()).isIn(TERMINAL);
        }
        assertThat(agent.runsPerJob().values())
                .allSatisfy(runs -> assertThat(runs).isEqualTo(1));
        assertThat(first.get("/health").get("status").asText()).isEqualTo("ok");
        assertThat(first.get("/health").get("store").asText()).isEqualTo("redis");
    }

    /**
     * Jobs whose agents end while Redis is down record their outcome once it is back. The lease
     * timeout of 20 s outlasts the outage, so no node claims the jobs of another.
     */
    @Test
    void jobsRunningDuringOutageSucceed() throws Exception {
        CountingStandIn agent = CountingStandIn.create(directory);
        first = ServerProcess.start(environment(agent, "node-1", "20", "3"), directory.resolve("node-1.log"));
        second = ServerProcess.start(environment(agent, "node-2", "20", "3"), directory.resolve("node-2.log"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ServerProcess node = i % 2 == 0 ? first : second;
            ClusterClient.Reply reply = http.post(node.port(), "/jobs", "{\"task\": \"outage job " + i + "\"}");
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
            ids.add(reply.body().get("job").get("id").asText());
        }

        Thread.sleep(1000);
        REDIS.restart(Duration.ofSeconds(6));

        for (String id : ids) {
            JsonNode job = awaitTerminal(id, Duration.ofSeconds(90));
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.get("output").asText()).as(job.toString()).isEqualTo("finished");
        }
        assertThat(agent.runsPerJob().values())
                .allSatisfy(runs -> assertThat(runs).isEqualTo(1));
    }

    private Map<String, String> environment(CountingStandIn agent, String node) {
        return environment(agent, node, "3", "0.2");
    }

    private Map<String, String> environment(
            CountingStandIn agent, String node, String leaseTimeoutSeconds, String agentSeconds) {
        Map<String, String> environment = agent.environment(directory.resolve(node), node);
        environment.put("REDIS_URL", REDIS.url());
        environment.put("AGENTICORE_LEASE_TIMEOUT", leaseTimeoutSeconds);
        environment.put("FAKE_CLAUDE_SECONDS", agentSeconds);
        return environment;
    }

    private void submitUntilStopped(AtomicBoolean submitting, List<String> accepted, List<JsonNode> rejected) {
        int count = 0;
        while (submitting.get()) {
            ServerProcess node = count++ % 2 == 0 ? first : second;
            try {
                ClusterClient.Reply reply = http.post(node.port(), "/jobs", "{\"task\": \"job " + count + "\"}");
                if (reply.status() == 503) {
                    rejected.add(reply.body());
                } else if (reply.status() == 200) {
                    accepted.add(reply.body().get("job").get("id").asText());
                }
                Thread.sleep(100);
            } catch (IOException e) {
                // A request cut off by the outage counts as neither accepted nor rejected.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private JsonNode awaitTerminal(String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = second.get("/jobs/" + id).get("job");
        while (!TERMINAL.contains(job.get("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = second.get("/jobs/" + id).get("job");
        }
        return job;
    }
}
