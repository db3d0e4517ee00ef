package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JobEventRoutesTest {
    private RestFixture api;

    @BeforeEach
    void startServer() throws Exception {
        api = RestFixture.started(List.of());
    }

    @AfterEach
    void stopServer() {
        api.close();
    }

    @Test
    void streamDeliversLiveEventsThenEnds() throws Exception {
        String id = JobRoutesTest.json(api.post("/jobs", "{\"task\": \"stream me\"}"))
                .get("job")
                .get("id")
                .asText();
        HttpResponse<InputStream> response = api.client.send(
                HttpRequest.newBuilder(api.uri("/jobs/" + id + "/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

        List<String> lines = new ArrayList<>();
        readUntil(reader, lines, "event: text");
        api.release.countDown();
        readUntil(reader, lines, "event: end");

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(lines).contains("id: 1", "event: session_started", "id: 2", "event: text");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("event: end");
        assertThat(reader.readLine()).startsWith("data: {\"status\":\"succeeded\"");
    }

    @Test
    void lastEventIdResumesAfterThatEvent() throws Exception {
        api.instant = true;
        String id = JobRoutesTest.json(api.post("/jobs", "{\"task\": \"replay\", \"wait\": true}"))
                .get("job")
                .get("id")
                .asText();

        HttpResponse<String> response = api.send(
                HttpRequest.newBuilder(api.uri("/jobs/" + id + "/events")).header("Last-Event-ID", "1"));

        assertThat(response.body())
                .doesNotContain("id: 1\n")
                .contains("id: 2\nevent: text\n")
                .contains("event: end");
    }

    @Test
    void unknownJobIsNotFoundAndBadResumeIdIsRejected() throws Exception {
        assertThat(api.get("/jobs/ghost/events").statusCode()).isEqualTo(404);
        api.instant = true;
        String id = JobRoutesTest.json(api.post("/jobs", "{\"task\": \"x\", \"wait\": true}"))
                .get("job")
                .get("id")
                .asText();
        HttpResponse<String> response = api.send(
                HttpRequest.newBuilder(api.uri("/jobs/" + id + "/events")).header("Last-Event-ID", "abc"));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    private static void readUntil(BufferedReader reader, List<String> lines, String wanted) throws Exception {
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
            if (line.equals(wanted)) {
                return;
            }
        }
        throw new AssertionError("stream ended before '" + wanted + "': " + lines);
    }
}
