package dev.agenticore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up time to a healthy {@code /health}, idle resident memory, and memory per running job
 * (the server's own growth with 20 sleeping jobs; the agents' processes are not counted), against
 * the bare Javalin hello-world's start-up and idle memory.
 */
final class StartupMemoryBenchmark {
    private static final int JOBS = 20;

    private StartupMemoryBenchmark() {}

    static String run(Bench bench) throws Exception {
        long helloStart;
        long helloIdle;
        try (ServerUnderTest hello = ServerUnderTest.helloWorld(bench.log())) {
            helloStart = hello.startupTime().toMillis();
            Thread.sleep(5000);
            helloIdle = hello.residentBytes();
        }
        Map<String, String> environment =
                bench.standInServer("memory", Map.of("AGENTICORE_MAX_PARALLEL_JOBS", Integer.toString(JOBS)));
        try (ServerUnderTest server = ServerUnderTest.agenticore(bench.jar(), environment, bench.log())) {
            long start = server.startupTime().toMillis();
            Thread.sleep(5000);
            long idle = server.residentBytes();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                ids.add(server.post("/jobs", "{\"task\": \"sleep " + i + "\"}")
                        .get("job")
                        .get("id")
                        .asText());
            }
            awaitRunning(server, ids);
            Thread.sleep(3000);
            long busy = server.residentBytes();
            return "| measure | Agenticore | hello-world |\n|---|---|---|\n"
                    + "| start-up to healthy | " + start + " ms | " + helloStart + " ms |\n"
                    + "| idle resident memory | " + mebibytes(idle) + " | " + mebibytes(helloIdle) + " |\n"
                    + "| resident memory with " + JOBS + " running jobs | " + mebibytes(busy) + " | |\n"
                    + "| memory per running job | " + mebibytes((busy - idle) / JOBS) + " | |\n";
        }
    }

    private static void awaitRunning(ServerUnderTest server, List<String> ids) throws Exception {
        for (String id : ids) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            JsonNode job = server.get("/jobs/" + id).get("job");
            while (job.get("pid").isNull() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                job = server.get("/jobs/" + id).get("job");
            }
        }
    }

    private static String mebibytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
