package dev.agenticore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.testkit.anthropic.ClaudeCodeCli;
import dev.agenticore.testkit.anthropic.Reply;
import dev.agenticore.testkit.anthropic.ScriptedAnthropicApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One task with a text reply run through the server (submit to terminal status, seen by polling
 * every 2 ms) against the real Claude Code CLI run directly with the profile's main flags, both
 * against the scripted model on loopback. Runs alternate; the first two of each are warm-up.
 */
final class JobOverheadBenchmark {
    private static final int RUNS = 12;
    private static final int WARM_UP = 2;

    private JobOverheadBenchmark() {}

    static String run(Bench bench, Path claude) throws Exception {
        try (ScriptedAnthropicApi model = new ScriptedAnthropicApi().start()) {
            model.setDefaultReply(Reply.text("Done."));
            Path claudeHome = bench.directory("overhead-claude-home");
            Map<String, String> environment = new HashMap<>(ClaudeCodeCli.environment(model.baseUrl(), claudeHome));
            Path home = bench.directory("overhead");
            environment.put("AGENTICORE_HOME", home.toString());
            environment.put("AGENTICORE_REPOS_ROOT", home.resolve("repos").toString());
            environment.put("AGENTICORE_CLAUDE_BINARY", claude.toString());
            environment.put("AGENTICORE_LOG_LEVEL", "WARN");
            List<Long> viaServer = new ArrayList<>();
            List<Long> direct = new ArrayList<>();
            try (ServerUnderTest server = ServerUnderTest.agenticore(bench.jar(), environment, bench.log())) {
                Path directWork = bench.directory("overhead-direct");
                for (int i = 0; i < RUNS; i++) {
                    long server0 = System.nanoTime();
                    awaitEnd(
                            server,
                            server.post("/jobs", "{\"task\": \"say done\"}")
                                    .get("job")
                                    .get("id")
                                    .asText());
                    long serverTime = System.nanoTime() - server0;
                    long direct0 = System.nanoTime();
                    runDirect(claude, directWork, model.baseUrl(), claudeHome);
                    long directTime = System.nanoTime() - direct0;
                    if (i >= WARM_UP) {
                        viaServer.add(serverTime);
                        direct.add(directTime);
                    }
                }
            }
            double serverMedian = median(viaServer);
            double directMedian = median(direct);
            return "| run | median | \n|---|---|\n"
                    + "| through the server, submit to `succeeded` | " + Bench.millis(serverMedian) + " |\n"
                    + "| the CLI run directly | " + Bench.millis(directMedian) + " |\n"
                    + "| overhead per job | " + Bench.millis(serverMedian - directMedian) + " |\n";
        }
    }

    private static void runDirect(Path claude, Path work, String baseUrl, Path home) throws Exception {
        Process process = ClaudeCodeCli.processBuilder(
                        claude,
                        work,
                        baseUrl,
                        home,
                        List.of(
                                "--model",
                                "sonnet",
                                "--max-turns",
                                "80",
                                "--dangerously-skip-permissions",
                                "--effort",
                                "high",
                                "--output-format",
                                "stream-json",
                                "--verbose",
                                "-p",
                                "--",
                                "say done"))
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the CLI run directly failed with exit code " + process.exitValue());
        }
    }

    private static void awaitEnd(ServerUnderTest server, String id) throws Exception {
        while (true) {
            JsonNode job = server.get("/jobs/" + id).get("job");
            String status = job.get("status").asText();
            if (status.equals("succeeded")) {
                return;
            }
            if (!status.equals("queued") && !status.equals("running")) {
                throw new IllegalStateException("the job ended " + status + ": " + job.get("error"));
            }
            Thread.sleep(2);
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    static boolean available(Path claude) {
        return claude != null && Files.isExecutable(claude);
    }
}
