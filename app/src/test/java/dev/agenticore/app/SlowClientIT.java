package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send a body slowly or never finish it, and bodies over the limit, must not keep
 * other clients from being served.
 */
@Timeout(120)
class SlowClientIT {
    private static final int SLOW_CLIENTS = 64;

    @TempDir
    Path home;

    @Test
    void slowAndOversizedClientsDoNotStarveOthers() throws Exception {
        try (ServerHarness server = ServerHarness.withStandIn(home, Map.of())) {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server.port());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 1000\r\n\r\n{\"task\": \"")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest oversized = HttpRequest.newBuilder(server.uri("/jobs"))
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"task\": \"" + "x".repeat(2_000_000) + "\"}"))
                    .build();

            int oversizedStatus =
                    client.send(oversized, HttpResponse.BodyHandlers.ofString()).statusCode();
            for (int i = 0; i < 20; i++) {
                HttpRequest normal = HttpRequest.newBuilder(server.uri("/jobs?limit=5"))
                        .timeout(Duration.ofSeconds(10))
                        .build();
                assertThat(client.send(normal, HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200);
            }
            String submitted =
                    server.submit("{\"task\": \"still served\"}").get("id").asText();

            assertThat(oversizedStatus).isEqualTo(413);
            assertThat(server.awaitJob(submitted, Duration.ofSeconds(30))
                            .get("status")
                            .asText())
                    .isEqualTo("succeeded");
            for (Socket socket : slow) {
                socket.close();
            }
            assertThat(server.get("/health").get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void idleEventStreamsAreCappedAndHealthStillAnswers() throws Exception {
        try (ServerHarness server = ServerHarness.withStandIn(home, Map.of())) {
            String id = server.submit("{\"task\": \"sleep forever\"}").get("id").asText();
            List<Socket> streams = new ArrayList<>();
            int admitted = 0;
            int refused = 0;
            for (int i = 0; i < AgenticoreServer.MAX_EVENT_STREAMS + 10; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server.port());
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write(("GET /jobs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String statusLine = new java.io.BufferedReader(
                                new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if (statusLine.contains(" 200")) {
                    admitted++;
                } else if (statusLine.contains(" 503")) {
                    refused++;
                }
                streams.add(socket);
            }

            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(server.uri("/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(admitted).isEqualTo(AgenticoreServer.MAX_EVENT_STREAMS);
            assertThat(refused).isEqualTo(10);
            assertThat(health.statusCode()).isEqualTo(200);
            for (Socket socket : streams) {
                socket.close();
            }
            server.delete("/jobs/" + id);
        }
    }
}
