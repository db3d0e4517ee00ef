package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that declares a longer body than it sends: once the idle timeout passes, the response is
 * 408 with an error that names the fix, on the MCP endpoint and on a REST route alike.
 */
@Timeout(30)
class ShortBodyTest {
    private InMemoryServices services;
    private McpFixture fixture;

    @BeforeEach
    void start() throws Exception {
        services = InMemoryServices.quick();
        fixture = new McpFixture(services, List.of(McpFixture.KEY), Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        fixture.close();
        services.close();
    }

    @Test
    void mcpBodyShorterThanContentLengthIs408() throws Exception {
        String response = sendShortBody("/mcp");

        assertThat(response).startsWith("HTTP/1.1 408 ");
        JsonNode error = Json.mapper().readTree(body(response));
        assertThat(error.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(error.at("/error/message").asText()).contains("Content-Length");
    }

    @Test
    void restBodyShorterThanContentLengthIs408() throws Exception {
        String response = sendShortBody("/jobs");

        assertThat(response).startsWith("HTTP/1.1 408 ");
    }

    /** Declares 100 bytes, sends 12, and returns everything the server writes until it closes. */
    private String sendShortBody(String path) throws IOException {
        URI uri = URI.create(fixture.url(path));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort() + "\r\n"
                    + "X-Api-Key: " + McpFixture.KEY + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nContent-Length: 100\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write("{\"task\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int read;
            try {
                while ((read = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, read);
                }
            } catch (IOException e) {
                // The server may reset the connection after its response.
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
