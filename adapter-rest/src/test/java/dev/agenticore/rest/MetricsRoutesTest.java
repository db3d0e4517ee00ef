package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MetricsRoutesTest {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServerMetrics metrics = new ServerMetrics();
    private RestFixture jobs;
    private RestServer server;

    @BeforeEach
    void startServer() throws Exception {
        jobs = RestFixture.started(List.of());
        jobs.instant = true;
        jobs.worker.setLifecycleListener(metrics);
        metrics.bindJobs(jobs.store, jobs.jobs::queuedCount, jobs.worker::runningCount, "test-node");
        server = RestServer.builder(RestSettings.loopback(0).withApiKeys(List.of("key")))
                .requestListener(metrics)
                .routes(new JobRoutes(jobs.jobs))
                .routes(new MetricsRoutes(metrics))
                .build()
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
        jobs.close();
    }

    @Test
    void scrapeListsJobAndRequestMetrics() throws Exception {
        HttpResponse<String> submitted =
                send(HttpRequest.newBuilder(uri("/jobs?api_key=key")).POST(body("{\"task\": \"t\", \"wait\": true}")));
        JsonNode job = Json.mapper().readTree(submitted.body()).get("job");
        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        send(HttpRequest.newBuilder(uri("/jobs/" + job.get("id").asText() + "?api_key=key")));
        metrics.openAgentStreams().incrementAndGet();
        awaitJobRecorded();

        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/metrics")).header("X-Api-Key", "key"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        PrometheusText text = PrometheusText.parse(response.body());
        assertThat(text.value("agenticore_jobs", Map.of("status", "succeeded"))).isEqualTo(1);
        assertThat(text.value("agenticore_jobs", Map.of("status", "queued"))).isZero();
        assertThat(text.value("agenticore_queue_depth", Map.of())).isZero();
        assertThat(text.value("agenticore_node_running_jobs", Map.of("node", "test-node")))
                .isZero();
        assertThat(text.value("agenticore_agent_streams_open", Map.of())).isEqualTo(1);
        Map<String, String> jobLabels = Map.of("status", "succeeded", "profile", "code");
        assertThat(text.value("agenticore_job_duration_seconds_count", jobLabels))
                .isEqualTo(1);
        assertThat(text.find("agenticore_job_duration_seconds_bucket", jobLabels))
                .isNotEmpty();
        assertThat(text.value("agenticore_job_cost_usd_sum", jobLabels)).isEqualTo(0.01);
        Map<String, String> getJob = Map.of("method", "GET", "route", "/jobs/{job_id}", "status", "200");
        assertThat(text.value("agenticore_http_requests_seconds_count", getJob)).isEqualTo(1);
        assertThat(text.find("agenticore_http_requests_seconds_bucket", getJob)).isNotEmpty();
        assertThat(text.find("jvm_memory_used_bytes", Map.of())).isNotEmpty();
    }

    @Test
    void unmatchedPathsShareOneRouteLabel() throws Exception {
        send(HttpRequest.newBuilder(uri("/nowhere/one?api_key=key")));
        send(HttpRequest.newBuilder(uri("/nowhere/two?api_key=key")));

        PrometheusText text = PrometheusText.parse(
                send(HttpRequest.newBuilder(uri("/metrics?api_key=key"))).body());

        assertThat(text.value(
                        "agenticore_http_requests_seconds_count",
                        Map.of("route", RequestLog.UNMATCHED, "status", "404")))
                .isEqualTo(2);
        assertThat(text.find("agenticore_http_requests_seconds_count", Map.of("route", "/nowhere/one")))
                .isEmpty();
    }

    @Test
    void metricsNeedKeyUnlessPublic() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/metrics"))).statusCode()).isEqualTo(401);

        try (RestServer open = RestServer.builder(RestSettings.loopback(0).withApiKeys(List.of("key")))
                .publicPath("/metrics")
                .routes(new MetricsRoutes(metrics))
                .routes(new JobRoutes(jobs.jobs))
                .build()
                .start()) {
            URI base = URI.create("http://127.0.0.1:" + open.port());

            assertThat(send(HttpRequest.newBuilder(base.resolve("/metrics"))).statusCode())
                    .isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(base.resolve("/jobs"))).statusCode())
                    .isEqualTo(401);
        }
    }

    /** Waits for the worker's listener, which runs just after the job's final store update. */
    private void awaitJobRecorded() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!metrics.scrape().contains("agenticore_job_duration_seconds_count") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
