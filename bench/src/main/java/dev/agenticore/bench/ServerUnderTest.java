package dev.agenticore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A server process under measurement: the Agenticore fat jar, or another Java main class. */
final class ServerUnderTest implements AutoCloseable {
    private final Process process;
    private final int port;
    private final long startNanos;
    private final long healthyNanos;
    private final HttpClient client = HttpClient.newHttpClient();

    private ServerUnderTest(Process process, int port, long startNanos, String healthPath) throws Exception {
        this.process = process;
        this.port = port;
        this.startNanos = startNanos;
        this.healthyNanos = awaitHealthy(healthPath);
    }

    /** Starts {@code agenticore serve} from the fat jar with the given environment. */
    static ServerUnderTest agenticore(Path jar, Map<String, String> environment, Path log) throws Exception {
        int port = freePort();
        List<String> command = List.of(java(), "-jar", jar.toString(), "serve", "--port", Integer.toString(port));
        return start(command, environment, log, port, "/health");
    }

    /** Starts the bare Javalin hello-world of {@link HelloWorld} in its own JVM. */
    static ServerUnderTest helloWorld(Path log) throws Exception {
        int port = freePort();
        List<String> command = List.of(
                java(),
                "-cp",
                System.getProperty("java.class.path"),
                HelloWorld.class.getName(),
                Integer.toString(port));
        return start(command, Map.of(), log, port, "/hello");
    }

    private static ServerUnderTest start(
            List<String> command, Map<String, String> environment, Path log, int port, String healthPath)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        return new ServerUnderTest(builder.start(), port, start, healthPath);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return Json.mapper()
                .readTree(client.send(request, HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).build();
        return Json.mapper()
                .readTree(client.send(request, HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    /** Returns the time from process start to the first healthy answer. */
    /** Returns the CPU time the server process has used so far, user and system together. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    Duration startupTime() {
        return Duration.ofNanos(healthyNanos - startNanos);
    }

    /** Returns the resident memory of the server process in bytes, from {@code /proc}. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private long awaitHealthy(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with code " + process.exitValue());
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(2))
                        .build();
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the server did not become healthy within two minutes");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
