package dev.agenticore.bench;

import dev.agenticore.testkit.anthropic.ClaudeCodeCli;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks named on the command line (all when none) and prints a Markdown report:
 * {@code polling submit relay memory scale overhead}.
 */
public final class BenchMain {
    private BenchMain() {}

    /** Runs the benchmarks; the fat jar path comes from {@code agenticore.jar}. */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("agenticore.jar", "app/target/agenticore.jar"))
                .toAbsolutePath();
        Path work = Files.createTempDirectory("agenticore-bench");
        Bench bench = new Bench(work, jar, work.resolve("servers.log"));
        List<String> selected =
                args.length == 0 ? List.of("polling", "submit", "relay", "memory", "scale", "overhead") : List.of(args);
        Map<String, String> sections = new LinkedHashMap<>();
        for (String name : selected) {
            System.err.println("Running " + name + "...");
            sections.put(name, run(name, bench));
        }
        System.out.println("Date: " + LocalDate.now() + "; machine: "
                + Runtime.getRuntime().availableProcessors()
                + " cores, " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max heap of the runner, Java "
                + System.getProperty("java.version") + ", host "
                + InetAddress.getLocalHost().getHostName());
        sections.forEach((name, table) -> System.out.println("\n### " + name + "\n\n" + table));
    }

    private static String run(String name, Bench bench) throws Exception {
        switch (name) {
            case "polling":
                return PollingBenchmark.run(bench);
            case "submit":
                return SubmitLatencyBenchmark.run(bench);
            case "relay":
                return StreamRelayBenchmark.run(bench);
            case "memory":
                return StartupMemoryBenchmark.run(bench);
            case "scale":
                return ScaleBenchmark.run(bench);
            case "overhead":
                Path claude = ClaudeCodeCli.findBinary().orElse(null);
                return JobOverheadBenchmark.available(claude)
                        ? JobOverheadBenchmark.run(bench, claude)
                        : "skipped: the Claude Code CLI is not installed; run scripts/test once to install it\n";
            default:
                throw new IllegalArgumentException(
                        "unknown benchmark '" + name + "'; expected polling, submit, relay, memory, scale or overhead");
        }
    }
}
