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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    void invalidLinesGetErrorsAndLaterRequestsAnswers() throws Exception {
        String badParams = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":\"x\"}";
        String listProfiles = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"list_profiles\",\"arguments\":{}}}";
        Path stderr = Files.createTempFile("stdio-server", ".stderr");
        Process process = new ProcessBuilder(NodeClients.stdioServerCommand())
                .redirectError(stderr.toFile())
                .start();
        OutputStream in = process.getOutputStream();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        // Closed only after the process is gone: close() waits for a readLine that is still blocked.
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String input = String.join(
                    "\n", INITIALIZE, INITIALIZED, "garbage", "", "[]", badParams, LIST_TOOLS, listProfiles, "");
            in.write(input.getBytes(StandardCharsets.UTF_8));
            in.flush();
            Map<String, JsonNode> byId = new HashMap<>();
            List<JsonNode> withoutId = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // A server that sends no reply would block readLine forever, so each read is bounded.
                Future<String> next = reader.submit(out::readLine);
                String line = next.get(20, TimeUnit.SECONDS);
                assertThat(line)
                        .as("stdout ended early; stderr:%n%s", Files.readString(stderr))
                        .isNotNull();
                JsonNode message = Json.mapper().readTree(line);
                if (message.path("id").isNull()) {
                    withoutId.add(message);
                } else {
                    byId.put(message.path("id").asText(), message);
                }
            }
            in.close();

            assertThat(withoutId).hasSize(2);
            assertThat(withoutId.get(0).at("/error/code").asInt()).isEqualTo(-32700);
            assertThat(withoutId.get(1).at("/error/code").asInt()).isEqualTo(-32600);
            assertThat(byId.keySet()).containsExactlyInAnyOrder("1", "2", "3", "4");
            assertThat(byId.get("3").at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(byId.get("2").at("/result/tools").size()).isEqualTo(9);
            assertThat(byId.get("4").at("/result/isError").asBoolean(true)).isFalse();
            assertThat(process.waitFor(20, TimeUnit.SECONDS))
                    .as("the server stops when stdin ends")
                    .isTrue();
        } catch (TimeoutException e) {
            throw new AssertionError("no reply within 20 s; stderr:\n" + Files.readString(stderr), e);
        } finally {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            reader.shutdownNow();
            out.close();
            Files.deleteIfExists(stderr);
        }
    }

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
