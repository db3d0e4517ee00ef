package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.testkit.redis.RedisServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures {@code GET /jobs/{id}} throughput of the server on Redis, the server on files and a bare
 * Javalin hello-world, one after the other in one run, each in its own process. Runs only with
 * {@code -Dagenticore.benchmark=true}; prints requests per second and does not assert on them.
 */
@Timeout(300)
class GetJobThroughputIT {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int CONCURRENCY = Integer.getInteger("agenticore.benchmark.concurrency", 16);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(15);

    @TempDir
    Path directory;

    @Test
    void measureGetJobThroughput() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("agenticore.benchmark"), "set -Dagenticore.benchmark=true to run");
        CountingStandIn agent = CountingStandIn.create(directory);
        List<String> results = new ArrayList<>();

        Map<String, String> redis = agent.environment(directory.resolve("redis"), "bench-redis");
        redis.put("REDIS_URL", REDIS.url());
        results.add(measureServer("redis store", redis));
        results.add(measureServer("file store", agent.environment(directory.resolve("file"), "bench-file")));
        results.add(measureHello());

        System.out.println("GET /jobs/{id}, " + CONCURRENCY + " concurrent clients, " + MEASURED.toSeconds()
                + " s after " + WARM_UP.toSeconds() + " s warm-up, "
                + Runtime.getRuntime().availableProcessors()
                + " CPUs");
        results.forEach(System.out::println);
    }

    private String measureServer(String name, Map<String, String> environment) throws Exception {
        try (ServerProcess server = ServerProcess.start(environment, directory.resolve(name + ".log"))) {
            String id = server.post("/jobs", "{\"task\": \"benchmark\"}")
                    .get("job")
                    .get("id")
                    .asText();
            server.awaitJob(id, "succeeded", Duration.ofSeconds(30));
            return name + ": " + measure(server.port(), "/jobs/" + id);
        }
    }

    private String measureHello() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String classPath = ServerProcess.jar()
                + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        HelloServer.class.getName(),
                        Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("hello.log").toFile())
                .start();
        try {
            awaitPort(port);
            return "javalin hello-world: " + measure(port, "/jobs/hello");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** Runs the fixed-concurrency load and returns the rate and the error count. */
    private static String measure(int port, String path) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build();
        run(client, request, WARM_UP, new AtomicLong(), new AtomicLong());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        run(client, request, MEASURED, ok, failed);
        assertThat(ok.get()).isPositive();
        return String.format(
                "%.0f requests/s (%d ok, %d failed)", ok.get() / (double) MEASURED.toSeconds(), ok.get(), failed.get());
    }

    private static void run(HttpClient client, HttpRequest request, Duration duration, AtomicLong ok, AtomicLong failed)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() == 200 ? ok : failed).incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                new java.net.Socket(InetAddress.getLoopbackAddress(), port).close();
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the hello-world server did not listen on port " + port + " within 30 s");
    }
}
