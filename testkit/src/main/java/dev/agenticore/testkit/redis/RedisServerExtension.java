package dev.agenticore.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a private {@code redis-server} on a free loopback port for one test class and empties it
 * before each test. Register it as a static field with {@code @RegisterExtension}. When {@code
 * redis-server} is not on the {@code PATH}, the tests of the class are skipped.
 *
 * <p>The server keeps nothing on disk ({@code --save "" --appendonly no}) except when {@link
 * #restart(Duration)} saves a snapshot on purpose, so a restart keeps the data as a persistent Redis
 * would.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private static final Logger log = LoggerFactory.getLogger(RedisServerExtension.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private Path directory;
    private int port;
    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path binary = findOnPath("redis-server");
        Assumptions.assumeTrue(
                binary != null,
                "redis-server is not on the PATH, so the Redis tests are skipped; install the redis-server"
                        + " package (scripts/test does) to run them");
        directory = Files.createTempDirectory("agenticore-redis-");
        port = freePort();
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        command("FLUSHALL");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Returns the URL clients connect to, {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Returns the port the server listens on; it stays the same across {@link #restart(Duration)}. */
    public int port() {
        return port;
    }

    /** Starts the server on its port when it is not running, and waits until it replies to PING. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                directory.toString(),
                "--protected-mode",
                "yes"));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile())
                .start();
        awaitPing();
        log.info("redis-server {} listening on 127.0.0.1:{}", process.pid(), port);
    }

    /** Stops the server by its process id (SIGTERM, then SIGKILL after 10 s); its data is lost. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        process = null;
    }

    /**
     * Stops the server after it wrote a snapshot ({@code SHUTDOWN SAVE}) and starts it again on the
     * same port, so the data survives as it would on a Redis with persistence. The caller chooses
     * how long the server stays down.
     *
     * @param downtime time between the stop and the start
     */
    public void restart(Duration downtime) throws IOException, InterruptedException {
        synchronized (this) {
            try {
                command("SHUTDOWN", "SAVE");
            } catch (IOException e) {
                log.debug("SHUTDOWN closed the connection without a reply, as it does on success");
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IOException("redis-server " + process.pid() + " did not shut down within 10 s");
            }
            process = null;
        }
        Thread.sleep(downtime.toMillis());
        start();
    }

    /**
     * Sends one command and returns the raw first line of the reply, for example {@code +OK} or
     * {@code :3}.
     */
    public String command(String... arguments) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request =
                    new StringBuilder("*").append(arguments.length).append("\r\n");
            for (String argument : arguments) {
                byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
                request.append('$')
                        .append(bytes.length)
                        .append("\r\n")
                        .append(argument)
                        .append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(socket.getInputStream());
        }
    }

    private void awaitPing() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with code " + process.exitValue() + "; see "
                        + directory.resolve("redis.log"));
            }
            try {
                if (command("PING").equals("+PONG")) {
                    return;
                }
            } catch (IOException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("redis-server did not answer PING within " + START_TIMEOUT, e);
                }
            }
            Thread.sleep(20);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        if (c == -1 && line.length() == 0) {
            throw new IOException("Redis closed the connection without a reply");
        }
        return line.toString();
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
