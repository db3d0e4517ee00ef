package dev.agenticore.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delay from the agent printing a line to an SSE client of {@code /jobs/{id}/events} receiving it.
 * The stand-in prints its own clock reading in each line; the client compares it with its clock on
 * arrival. Both run on this machine, so they share one clock.
 */
final class StreamRelayBenchmark {
    private static final Pattern TICK = Pattern.compile("tick (\\d{19})");

    private StreamRelayBenchmark() {}

    static String run(Bench bench) throws Exception {
        try (ServerUnderTest server =
                ServerUnderTest.agenticore(bench.jar(), bench.standInServer("relay", Map.of()), bench.log())) {
            String warmUp = server.post("/jobs", "{\"task\": \"quick warm-up\"}")
                    .get("job")
                    .get("id")
                    .asText();
            while (!server.get("/jobs/" + warmUp)
                    .get("job")
                    .get("status")
                    .asText()
                    .equals("succeeded")) {
                Thread.sleep(10);
            }
            long submitted = System.nanoTime();
            String id = server.post("/jobs", "{\"task\": \"ticks\"}")
                    .get("job")
                    .get("id")
                    .asText();
            HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri("/jobs/" + id + "/events"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            List<Long> delays = new ArrayList<>();
            long firstEvent = -1;
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Instant now = Instant.now();
                    if (firstEvent < 0 && line.startsWith("id: ")) {
                        firstEvent = System.nanoTime() - submitted;
                    }
                    Matcher tick = TICK.matcher(line);
                    if (tick.find()) {
                        long printed = Long.parseLong(tick.group(1));
                        delays.add(now.getEpochSecond() * 1_000_000_000L + now.getNano() - printed);
                    }
                    if (line.equals("event: end")) {
                        break;
                    }
                }
            }
            Collections.sort(delays);
            LoadResult result = new LoadResult(delays.size(), 0, 1, delays);
            return "| measure | value |\n|---|---|\n"
                    + "| lines relayed | " + delays.size() + " |\n"
                    + "| delay p50 | " + Bench.millis(result.percentileMillis(50)) + " |\n"
                    + "| delay p99 | " + Bench.millis(result.percentileMillis(99)) + " |\n"
                    + "| submit to first event received, warm server | " + Bench.millis(firstEvent / 1e6) + " |\n";
        }
    }
}
