package dev.agenticore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.app.cli.CliServer.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --wait}: live progress from the event stream, the outcome and the exit code. */
@Timeout(60)
class RunWaitTest {
    @TempDir
    Path home;

    private CliServer server;

    @BeforeEach
    void startServer() {
        server = CliServer.start(home);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void succeededJobPrintsProgressAndExitsZero() throws Exception {
        Result result = server.cli("run", "write a greeting", "--wait");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        String id = jobId(result.out());
        assertThat(result.out().lines().toList())
                .containsSubsequence(
                        "Submitted job " + id + "; following its events. Ctrl-C stops watching, the job keeps running.",
                        "[0:00] session s-1 started with model stand-in",
                        "[0:00] assistant: Reading the task",
                        "[0:00] tool Bash: ls -la",
                        "[0:00] result: success, 2 turns, cost $0.0123",
                        "Job " + id + " succeeded.",
                        "Cost:     $0.0123",
                        "Output:   done: write a greeting");
        assertThat(result.out()).doesNotContain("Reading\n", "README.md", "Pull request");
        assertThat(server.get("/jobs/" + id).path("job").path("status").asText())
                .isEqualTo("succeeded");
    }

    @Test
    void failedJobPrintsErrorAndExitsOne() throws Exception {
        Result result = server.cli("run", "fail at once", "--wait");

        assertThat(result.exitCode()).isEqualTo(1);
        String id = jobId(result.out());
        assertThat(result.out().lines().toList())
                .containsSubsequence(
                        "[0:00] tool Bash: ls -la",
                        "[0:00] tool error: permission denied",
                        "Job " + id + " failed.",
                        "Error:    the model is unavailable");
        assertThat(result.err())
                .isEqualTo("Error: job " + id + " failed: the model is unavailable; `agenticore job " + id
                        + "` shows the whole record\n");
    }

    @Test
    void cancelledJobExitsOne() throws Exception {
        CompletableFuture<Result> waiting =
                CompletableFuture.supplyAsync(() -> server.cli("run", "slow task", "--wait"));
        String id = awaitRunningJob();

        assertThat(server.cli("cancel", id).exitCode()).isZero();
        Result result = waiting.get();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Job " + id + " cancelled.");
        assertThat(result.err()).startsWith("Error: job " + id + " cancelled: cancelled by request;");
    }

    @Test
    void waitJsonPrintsFinalJobOnly() throws Exception {
        Result result = server.cli("run", "write a greeting", "--wait", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode printed = result.json();
        String id = printed.path("job").path("id").asText();
        assertThat(printed).isEqualTo(server.get("/jobs/" + id));
        assertThat(printed.path("job").path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void droppedStreamResumesAfterLastEvent() throws Exception {
        try (DroppingProxy proxy = new DroppingProxy(server.url())) {
            Result result = CliServer.run("run", "write a greeting", "--wait", "--url", proxy.url());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err())
                    .startsWith("Event stream of job ")
                    .contains("dropped (the server closed the stream before the job ended); reconnecting in 500 ms"
                            + " after event 1");
            List<DroppingProxy.Seen> streams = proxy.requests.stream()
                    .filter(seen -> seen.path().endsWith("/events"))
                    .toList();
            assertThat(streams).hasSize(2);
            assertThat(streams.get(0).lastEventId()).isEmpty();
            assertThat(streams.get(1).lastEventId()).isEqualTo("1");
            assertThat(countLines(result.out(), "session s-1 started")).isEqualTo(1);
            assertThat(countLines(result.out(), "assistant: Reading the task")).isEqualTo(1);
            assertThat(countLines(result.out(), "tool Bash: ls -la")).isEqualTo(1);
        }
    }

    @Test
    void everyRequestCarriesFreshRequestId() throws Exception {
        try (DroppingProxy proxy = new DroppingProxy(server.url())) {
            CliServer.run("run", "write a greeting", "--wait", "--url", proxy.url());

            List<String> ids =
                    proxy.requests.stream().map(DroppingProxy.Seen::requestId).toList();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(4);
            assertThat(ids).allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"));
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void interruptNoticeNamesFollowAndCancelCommands() {
        assertThat(RunFollower.interruptNotice("j-1"))
                .isEqualTo("Stopped watching job j-1; it continues on the server. Follow it with `agenticore job j-1`,"
                        + " cancel it with `agenticore cancel j-1`.");
    }

    private String awaitRunningJob() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode jobs = server.get("/jobs?status=running").path("jobs");
            if (!jobs.isEmpty()) {
                return jobs.get(0).path("id").asText();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no job started running within 10 s");
    }

    private static String jobId(String output) {
        Matcher matcher = Pattern.compile("Submitted job ([0-9a-f-]{36})").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }

    private static long countLines(String output, String text) {
        return output.lines().filter(line -> line.contains(text)).count();
    }
}
