package dev.agenticore.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** {@code GET /jobs/{id}} per second with the file store, against a bare Javalin hello-world. */
final class PollingBenchmark {
    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration RUN = Duration.ofSeconds(15);

    private PollingBenchmark() {}

    /** A load result and the server's CPU time per request in microseconds. */
    private record Measured(LoadResult load, double cpuMicros) {}

    static String run(Bench bench) throws Exception {
        Measured file;
        try (ServerUnderTest server =
                ServerUnderTest.agenticore(bench.jar(), bench.standInServer("polling-file", Map.of()), bench.log())) {
            String id = server.post("/jobs", "{\"task\": \"poll me\"}")
                    .get("job")
                    .get("id")
                    .asText();
            file = measure(server, "/jobs/" + id);
        }
        Measured redis = null;
        Process redisServer = startRedis(bench);
        if (redisServer != null) {
            try (ServerUnderTest server = ServerUnderTest.agenticore(
                    bench.jar(),
                    bench.standInServer(
                            "polling-redis",
                            java.util.Map.of(
                                    "REDIS_URL",
                                    "redis://127.0.0.1:" + redisPort,
                                    "AGENTICORE_POD_NAME",
                                    "bench-redis")),
                    bench.log())) {
                String id = server.post("/jobs", "{\"task\": \"poll me\"}")
                        .get("job")
                        .get("id")
                        .asText();
                redis = measure(server, "/jobs/" + id);
            } finally {
                redisServer.destroy();
                redisServer.waitFor();
            }
        }
        Measured hello;
        try (ServerUnderTest server = ServerUnderTest.helloWorld(bench.log())) {
            hello = measure(server, "/hello");
        }
        return "| store | requests/s | p50 | p99 | ratio to hello-world | server CPU per request |\n"
                + "|---|---|---|---|---|---|\n"
                + row("file store, `GET /jobs/{id}`", file, hello)
                + (redis == null
                        ? "| Redis store | skipped: redis-server not found | | | | |\n"
                        : row("Redis store, `GET /jobs/{id}`", redis, hello))
                + row("bare Javalin hello-world", hello, hello);
    }

    private static int redisPort;

    /** Starts a throw-away redis-server on a free loopback port, or returns null when none is installed. */
    private static Process startRedis(Bench bench) throws Exception {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            redisPort = socket.getLocalPort();
        }
        Process process;
        try {
            process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(redisPort),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(bench.log().toFile()))
                    .start();
        } catch (java.io.IOException e) {
            return null;
        }
        Thread.sleep(500);
        return process;
    }

    private static Measured measure(ServerUnderTest server, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).build();
        LoadGenerator.forDuration(CLIENTS, WARM_UP, () -> request, 200);
        Duration cpuBefore = server.cpuTime();
        LoadResult load = LoadGenerator.forDuration(CLIENTS, RUN, () -> request, 200);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        return new Measured(load, cpu.toNanos() / 1000.0 / Math.max(1, load.requests()));
    }

    private static String row(String name, Measured measured, Measured baseline) {
        LoadResult result = measured.load();
        return "| " + name + " | " + Bench.number(result.perSecond()) + " | "
                + Bench.millis(result.percentileMillis(50))
                + " | " + Bench.millis(result.percentileMillis(99)) + " | "
                + String.format(
                        java.util.Locale.ROOT,
                        "%.2f",
                        result.perSecond() / baseline.load().perSecond())
                + (result.errors() > 0 ? " (" + result.errors() + " errors)" : "") + " | "
                + String.format(java.util.Locale.ROOT, "%.0f µs", measured.cpuMicros()) + " |\n";
    }
}
