package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class OpsMetricsTest {
    @TempDir
    Path home;

    @Test
    void metricsShowFinishedJob() throws Exception {
        try (OpsServer api = new OpsServer(home, Map.of())) {
            JsonNode job = api.json("POST", "/jobs", "{\"task\": \"count\", \"wait\": true}")
                    .get("job");
            assertThat(job.get("status").asText()).isEqualTo("succeeded");
            api.call("GET", "/jobs/" + job.get("id").asText(), null);

            String text = awaitScrape(api, "agenticore_job_duration_seconds_count");

            assertThat(text).contains("agenticore_jobs{status=\"succeeded\"} 1.0");
            assertThat(text).contains("agenticore_queue_depth 0.0");
            assertThat(text).containsPattern("agenticore_node_running_jobs\\{node=\"[^\"]+\"} 0\\.0");
            assertThat(text).contains("agenticore_job_cost_usd_sum{profile=\"code\",status=\"succeeded\"} 0.25");
            assertThat(text)
                    .contains("agenticore_http_requests_seconds_count{method=\"GET\",route=\"/jobs/{job_id}\","
                            + "status=\"200\"} 1");
            assertThat(text).contains("agenticore_agent_streams_open 0.0");
        }
    }

    @Test
    void metricsArePublicWhenConfigured() throws Exception {
        try (OpsServer api = new OpsServer(home, Map.of("AGENTICORE_METRICS_PUBLIC", "true"))) {
            assertThat(api.send("GET", "/metrics", null, Map.of()).statusCode()).isEqualTo(200);
            assertThat(api.send("GET", "/jobs", null, Map.of()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void metricsNeedKeyByDefault() throws Exception {
        try (OpsServer api = new OpsServer(home, Map.of())) {
            assertThat(api.send("GET", "/metrics", null, Map.of()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void requestIdIsEchoedOrGenerated() throws Exception {
        try (OpsServer api = new OpsServer(home, Map.of())) {
            HttpResponse<String> echoed = api.send("GET", "/health", null, Map.of("X-Request-Id", "abc-123"));
            HttpResponse<String> generated = api.send("GET", "/health", null, Map.of());

            assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("abc-123");
            String id = generated.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }

    private static String awaitScrape(OpsServer api, String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String text = api.call("GET", "/metrics", null).body();
        while (!text.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            text = api.call("GET", "/metrics", null).body();
        }
        return text;
    }
}
