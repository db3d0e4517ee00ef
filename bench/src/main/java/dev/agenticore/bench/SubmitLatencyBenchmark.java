package dev.agenticore.bench;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code POST /jobs} latency at 50 concurrent clients, against {@code GET /health} on the same server. */
final class SubmitLatencyBenchmark {
    private static final int CLIENTS = 50;
    private static final int PER_CLIENT = 40;

    private SubmitLatencyBenchmark() {}

    static String run(Bench bench) throws Exception {
        Map<String, String> environment = bench.standInServer(
                "submit", Map.of("AGENTICORE_MAX_QUEUED_JOBS", "100000", "AGENTICORE_MAX_PARALLEL_JOBS", "8"));
        try (ServerUnderTest server = ServerUnderTest.agenticore(bench.jar(), environment, bench.log())) {
            AtomicInteger counter = new AtomicInteger();
            LoadGenerator.forCount(CLIENTS, 5, () -> submit(server, counter), 200);
            LoadResult submits = LoadGenerator.forCount(CLIENTS, PER_CLIENT, () -> submit(server, counter), 200);
            HttpRequest health = HttpRequest.newBuilder(server.uri("/health")).build();
            LoadResult baseline = LoadGenerator.forCount(CLIENTS, PER_CLIENT, () -> health, 200);
            return "| request | requests | p50 | p99 | errors |\n|---|---|---|---|---|\n" + row("`POST /jobs`", submits)
                    + row("`GET /health` (baseline)", baseline);
        }
    }

    private static HttpRequest submit(ServerUnderTest server, AtomicInteger counter) {
        return HttpRequest.newBuilder(server.uri("/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"task\": \"quick " + counter.incrementAndGet() + "\"}"))
                .build();
    }

    private static String row(String name, LoadResult result) {
        return "| " + name + " | " + result.requests() + " | " + Bench.millis(result.percentileMillis(50)) + " | "
                + Bench.millis(result.percentileMillis(99)) + " | " + result.errors() + " |\n";
    }
}
