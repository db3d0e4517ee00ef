package dev.agenticore.bench;

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
 * One task with a text reply run through the server (submit to terminal status, seen on the job's
 * event stream) against the real Claude Code CLI run directly with the flags the runner gives it for
 * the {@code code} profile, both against the scripted model on loopback. Runs alternate; the first
 * two of each are warm-up.
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
                List<String> profileFlags = profileFlags(home, bench.directory("overhead-direct-config"));
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
                    runDirect(claude, directWork, model.baseUrl(), claudeHome, profileFlags);
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

    /**
     * Returns the configuration flags the runner adds for the bundled {@code code} profile, pointing
     * at the profile files the server extracted, so the direct run loads the same configuration.
     */
    private static List<String> profileFlags(Path serverHome, Path config) throws Exception {
        Path profile = serverHome.resolve("bundled-profiles").resolve("code").resolve(".claude");
        Path mcp = config.resolve(".mcp.json");
        Files.writeString(mcp, "{\"mcpServers\": {}}");
        String instructions = Files.readString(profile.resolve("CLAUDE.md"));
        return List.of(
                "--settings",
                profile.resolve("settings.json").toString(),
                "--mcp-config",
                mcp.toString(),
                "--strict-mcp-config",
                "--add-dir",
                config.toString(),
                "--append-system-prompt",
                instructions + "\n\nJob: direct | Task: say done | Branch: main");
    }

    private static void runDirect(Path claude, Path work, String baseUrl, Path home, List<String> profileFlags)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "--model", "sonnet", "--max-turns", "80", "--dangerously-skip-permissions", "--effort", "high"));
        arguments.addAll(profileFlags);
        arguments.addAll(List.of("--output-format", "stream-json", "--verbose", "-p", "--", "say done"));
        Process process = ClaudeCodeCli.processBuilder(claude, work, baseUrl, home, arguments)
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the CLI run directly failed with exit code " + process.exitValue());
        }
    }

    /**
     * Waits for the job's event stream to end, which it does right after the terminal state is
     * stored; unlike polling, this puts no load on the server while the CLI runs.
     */
    private static void awaitEnd(ServerUnderTest server, String id) throws Exception {
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(server.uri("/jobs/" + id + "/events"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = stream.body()) {
            String end = lines.dropWhile(line -> !line.equals("event: end"))
                    .skip(1)
                    .findFirst()
                    .orElse("");
            if (!end.contains("succeeded")) {
                throw new IllegalStateException("job " + id + " did not succeed: " + end);
            }
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
