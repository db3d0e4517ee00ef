package dev.agenticore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code run --wait}: the client started from the fat jar gets SIGINT while it follows
 * a running job, prints how to follow or cancel the job, and exits 130 while the job keeps running.
 */
@Timeout(120)
class RunInterruptIT {
    @TempDir
    Path home;

    @Test
    void sigintStopsWatchingAndKeepsJob() throws Exception {
        try (CliServer server = CliServer.start(home)) {
            Path errors = home.resolve("client.err");
            Process client = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            jar().toString(),
                            "run",
                            "slow task",
                            "--wait",
                            "--url",
                            server.url())
                    .redirectError(errors.toFile())
                    .start();
            try {
                String id = awaitFirstEvent(client);

                sendSigint(client.pid());

                assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(client.exitValue()).isEqualTo(130);
                assertThat(Files.readString(errors))
                        .contains("Stopped watching job " + id + "; it continues on the server. Follow it with"
                                + " `agenticore job " + id + "`, cancel it with `agenticore cancel " + id + "`.");
                assertThat(server.get("/jobs/" + id).path("job").path("status").asText())
                        .isEqualTo("running");
            } finally {
                client.destroyForcibly();
            }
        }
    }

    /** Reads the client's output until its first event line and returns the job id it printed. */
    private static String awaitFirstEvent(Process client) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        String id = null;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("Submitted job ")) {
                id = line.substring("Submitted job ".length(), line.indexOf(';'));
            }
            if (line.contains("session s-1 started")) {
                return id;
            }
        }
        throw new AssertionError("the client ended before printing an event");
    }

    private static void sendSigint(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("agenticore.jar", "target/agenticore.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the fat jar " + jar + " is missing; run the package phase first");
        }
        return jar;
    }
}
