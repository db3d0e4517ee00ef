package dev.agenticore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 500 jobs with the quick stand-in and 50 parallel slots: all must end and none be lost. The
 * baseline is the raw rate of starting the same stand-in 500 times, 50 at a time, from Java.
 */
final class ScaleBenchmark {
    private static final int JOBS = 500;
    private static final int SLOTS = 50;

    private ScaleBenchmark() {}

    static String run(Bench bench) throws Exception {
        Map<String, String> environment = bench.standInServer(
                "scale",
                Map.of("AGENTICORE_MAX_PARALLEL_JOBS", Integer.toString(SLOTS), "AGENTICORE_MAX_QUEUED_JOBS", "10000"));
        double baseline = rawSpawnRate(Path.of(environment.get("AGENTICORE_CLAUDE_BINARY")));
        try (ServerUnderTest server = ServerUnderTest.agenticore(bench.jar(), environment, bench.log())) {
            long start = System.nanoTime();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                ids.add(server.post("/jobs", "{\"task\": \"quick " + i + "\"}")
                        .get("job")
                        .get("id")
                        .asText());
            }
            int succeeded = 0;
            int other = 0;
            for (String id : ids) {
                String status = awaitEnd(server, id);
                if (status.equals("succeeded")) {
                    succeeded++;
                } else {
                    other++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int stored = server.get("/jobs?limit=1000").get("count").asInt();
            return "| measure | value |\n|---|---|\n"
                    + "| jobs submitted / stored / succeeded / other end | " + JOBS + " / " + stored + " / " + succeeded
                    + " / " + other + " |\n"
                    + "| throughput through the server | " + Bench.number(JOBS / seconds) + " jobs/s |\n"
                    + "| raw spawn rate of the same stand-in, " + SLOTS + " at a time | " + Bench.number(baseline)
                    + " processes/s |\n"
                    + "| ratio | " + String.format(java.util.Locale.ROOT, "%.2f", JOBS / seconds / baseline) + " |\n";
        }
    }

    private static String awaitEnd(ServerUnderTest server, String id) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode job = server.get("/jobs/" + id).get("job");
            String status = job.get("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return status;
            }
            Thread.sleep(20);
        }
        return "timed out";
    }

    private static double rawSpawnRate(Path script) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SLOTS);
        long start = System.nanoTime();
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            String task = "quick " + i;
            runs.add(pool.submit(() -> {
                Process process = new ProcessBuilder(script.toString(), "-p", "--", task)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                process.getInputStream().readAllBytes();
                return process.waitFor();
            }));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();
        return JOBS / ((System.nanoTime() - start) / 1e9);
    }
}
