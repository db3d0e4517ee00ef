package dev.agenticore.app;

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

/** The server as a separate process started from the fat jar, so tests can kill it like a crash would. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServerProcess start(Map<String, String> environment, Path log) throws Exception {
        return start(environment, log, true);
    }

    /**
     * Starts the server with exactly the given environment, so that no variable of the test JVM,
     * such as an API key or a proxy, reaches the server or the agents it starts.
     */
    static ServerProcess startWithOnly(Map<String, String> environment, Path log) throws Exception {
        return start(environment, log, false);
    }

    private static ServerProcess start(Map<String, String> environment, Path log, boolean inherit) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString(),
                "serve",
                "--port",
                Integer.toString(port));
        if (!inherit) {
            builder.environment().clear();
        }
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitHealthy(Duration.ofSeconds(60));
        return server;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("agenticore.jar", "target/agenticore.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the fat jar " + jar + " is missing; run the package phase first");
        }
        return jar;
    }

    /** Returns the HTTP port on 127.0.0.1. */
    int port() {
        return port;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode awaitJob(String id, String status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = get("/jobs/" + id).get("job");
        while (!job.get("status").asText().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = get("/jobs/" + id).get("job");
        }
        return job;
    }

    /** Returns the processes the server has started and that still run, such as its agents. */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** Ends the server with SIGKILL, as a crash or an out-of-memory kill would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Ends the server with SIGTERM and returns its exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with code " + process.exitValue());
            }
            try {
                if (get("/health").path("status").asText().equals("ok")) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the server did not become healthy within " + timeout);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
