package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the stdio server as a child process and speaks raw JSON-RPC to it, without Node.js. */
@Timeout(60)
class StdioProtocolIT {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"raw-test\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    private static final String LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @Test
    void rawSessionStopsWhenInputEnds() throws Exception {
        Path stderr = Files.createTempFile("stdio-server", ".stderr");
        Process process = new ProcessBuilder(NodeClients.stdioServerCommand())
                .redirectError(stderr.toFile())
                .start();
        OutputStream in = process.getOutputStream();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            in.write((INITIALIZE + "\n" + INITIALIZED + "\n" + LIST_TOOLS + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            List<JsonNode> messages = new ArrayList<>();
            while (messages.size() < 2) {
                String line = out.readLine();
                assertThat(line)
                        .as("stdout ended early; stderr:%n%s", Files.readString(stderr))
                        .isNotNull();
                messages.add(Json.mapper().readTree(line));
            }
            in.close();

            assertThat(process.waitFor(20, TimeUnit.SECONDS))
                    .as("the server stops when stdin ends")
                    .isTrue();
            assertThat(out.readLine()).as("nothing after the responses").isNull();
            assertThat(messages.get(0).at("/result/serverInfo/name").asText()).isEqualTo("agenticore");
            assertThat(messages.get(1).at("/result/tools").size()).isEqualTo(9);
            assertThat(Files.readString(stderr)).contains("MCP server ready on standard input and output");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }
}
