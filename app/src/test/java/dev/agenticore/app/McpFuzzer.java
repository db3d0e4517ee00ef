package dev.agenticore.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A minimal Streamable HTTP MCP client that sends tool calls and checks the answers' shape. */
final class McpFuzzer {
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\.java:\\d+");

    private final HttpClient client;
    private final URI endpoint;
    private final String session;
    private int nextId = 2;

    McpFuzzer(HttpClient client, URI endpoint) throws Exception {
        this.client = client;
        this.endpoint = endpoint;
        Map<String, Object> params = Map.of(
                "protocolVersion",
                "2025-06-18",
                "capabilities",
                Map.of(),
                "clientInfo",
                Map.of("name", "fuzzer", "version", "1"));
        HttpResponse<String> response =
                post(Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params", params), null);
        this.session = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        post(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"), session);
    }

    /** Calls a tool and returns a problem when the answer is a 5xx, carries a stack trace or is no JSON-RPC result. */
    Optional<String> call(Map<String, Object> params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", nextId++);
        message.put("method", "tools/call");
        message.put("params", params);
        try {
            HttpResponse<String> response = post(message, session);
            String label = "MCP " + params.get("name") + " "
                    + RequestFuzzIT.abbreviate(String.valueOf(params.get("arguments")));
            if (response.statusCode() >= 500) {
                return Optional.of(label + " -> " + response.statusCode());
            }
            if (STACK_TRACE.matcher(response.body()).find()) {
                return Optional.of(label + " -> stack trace: " + RequestFuzzIT.abbreviate(response.body()));
            }
            JsonNode reply = Json.mapper().readTree(dataOf(response.body()));
            if (!reply.has("result") && !reply.has("error")) {
                return Optional.of(label + " -> not a JSON-RPC reply: " + RequestFuzzIT.abbreviate(response.body()));
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("MCP " + params.get("name") + " -> " + e);
        }
    }

    private HttpResponse<String> post(Map<String, Object> message, String sessionId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(message)));
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String dataOf(String body) {
        if (!body.startsWith("event:") && !body.startsWith("data:") && !body.startsWith("id:")) {
            return body;
        }
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\n")) {
            if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            }
        }
        return data.toString();
    }
}
