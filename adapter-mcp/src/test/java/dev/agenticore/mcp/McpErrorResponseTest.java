package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Error responses of the MCP endpoints, checked with plain HTTP requests: each one is a short
 * JSON-RPC error object with the HTTP status of the failure, and never a stack trace or the request
 * body.
 */
@Timeout(60)
class McpErrorResponseTest {
    private static final String ACCEPT = "application/json, text/event-stream";
    private static final String MARKER = "echo-marker-5f1c";
    private static final String LIST_TOOLS =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"" + MARKER + "\"}}";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"error-test\",\"version\":\"1\"}}}";

    private McpFixture fixture;

    @BeforeEach
    void startServer() throws Exception {
        fixture = McpFixture.withKey();
    }

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    @Test
    void initializeIssuesNoSession() throws Exception {
        HttpResponse<String> response = fixture.send(post("/mcp", INITIALIZE));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(Json.mapper()
                        .readTree(response.body())
                        .at("/result/serverInfo/name")
                        .asText())
                .isEqualTo("agenticore");
    }

    @Test
    void toolsAreListedWithoutInitialize() throws Exception {
        HttpResponse<String> response = fixture.send(post("/mcp", LIST_TOOLS));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.mapper()
                        .readTree(response.body())
                        .at("/result/tools/0/name")
                        .asText())
                .isEqualTo("run_task");
    }

    @Test
    void sessionHeaderOfAnotherServerIsIgnored() throws Exception {
        HttpResponse<String> response = fixture.send(post("/mcp", LIST_TOOLS).header("Mcp-Session-Id", "bogus"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"tools\"");
    }

    @Test
    void loneSurrogateComesBackAsValidJson() throws Exception {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get_job\","
                + "\"arguments\":{\"job_id\":\"x\\ud800y\u00e9\"}}}";

        HttpResponse<byte[]> response = fixture.client.send(
                post("/mcp", call).timeout(java.time.Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        String body = StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(response.body()))
                .toString();
        JsonNode result = Json.mapper().readTree(body).path("result");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/structuredContent/error").asText()).isEqualTo("Job not found: x\ud800y\u00e9");
    }

    @Test
    void unsupportedProtocolVersionIsNamed() throws Exception {
        HttpResponse<String> response =
                fixture.send(post("/mcp", LIST_TOOLS).header("MCP-Protocol-Version", "1999-01-01"));

        JsonNode error = assertJsonRpcError(response, 400, -32600);
        assertThat(error.path("id").asInt()).isEqualTo(1);
        assertThat(error.at("/error/message").asText()).contains("MCP-Protocol-Version", "2025-06-18");
    }

    @Test
    void invalidJsonIsParseError() throws Exception {
        HttpResponse<String> response = fixture.send(post("/mcp", "garbage " + MARKER));

        JsonNode error = assertJsonRpcError(response, 400, -32700);
        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.at("/error/message").asText()).isEqualTo("the message is not valid JSON at line 1, column 1");
    }

    @Test
    void invalidUtf8IsParseError() throws Exception {
        byte[] body = LIST_TOOLS.replace(MARKER, "\u00e9").getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(body, body.length);
        int accent = indexOf(body, (byte) 0xC3);
        broken[accent + 1] = (byte) 0x28;
        HttpResponse<String> response = fixture.send(request("/mcp")
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(broken)));

        JsonNode error = assertJsonRpcError(response, 400, -32700);
        assertThat(error.at("/error/message").asText()).contains("UTF-8");
    }

    @Test
    void missingAcceptIsBadRequest() throws Exception {
        HttpResponse<String> response = fixture.send(request("/mcp")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LIST_TOOLS)));

        JsonNode error = assertJsonRpcError(response, 400, -32600);
        assertThat(error.at("/error/message").asText()).contains("Accept");
    }

    @Test
    void wrongContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = fixture.send(request("/mcp")
                .header("Content-Type", "text/plain")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(LIST_TOOLS)));

        JsonNode error = assertJsonRpcError(response, 415, -32600);
        assertThat(error.at("/error/message").asText()).contains("Content-Type");
    }

    @Test
    void getAndDeleteExplainThatNoSessionsAreKept() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                fixture.send(request("/mcp").header("Mcp-Session-Id", "bogus").DELETE()),
                fixture.send(
                        request("/mcp").header("Accept", "text/event-stream").GET()));

        for (HttpResponse<String> response : responses) {
            JsonNode error = assertJsonRpcError(response, 405, -32600);
            assertThat(error.at("/error/message").asText()).contains("keeps no MCP sessions", "POST each");
            assertThat(response.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        }
    }

    @Test
    void messageForUnknownSessionIsNotFound() throws Exception {
        HttpResponse<String> response = fixture.send(post("/messages?sessionId=bogus", LIST_TOOLS));

        JsonNode error = assertJsonRpcError(response, 404, McpProtocolFilter.SESSION_NOT_FOUND);
        assertThat(error.at("/error/message").asText()).contains("/sse");
    }

    @Test
    void messageWithoutSessionIdIsBadRequest() throws Exception {
        HttpResponse<String> response = fixture.send(post("/messages", LIST_TOOLS));

        JsonNode error = assertJsonRpcError(response, 400, -32600);
        assertThat(error.at("/error/message").asText()).contains("sessionId");
    }

    @Test
    void wrongMethodsAreNotAllowed() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                fixture.send(request("/messages").GET()),
                fixture.send(request("/sse").POST(HttpRequest.BodyPublishers.ofString(LIST_TOOLS))),
                fixture.send(request("/mcp").PUT(HttpRequest.BodyPublishers.ofString(LIST_TOOLS))));

        for (HttpResponse<String> response : responses) {
            assertJsonRpcError(response, 405, -32600);
            assertThat(response.headers().firstValue("Allow"))
                    .as(response.uri().toString())
                    .isPresent();
        }
        JsonNode put = Json.mapper().readTree(responses.get(2).body());
        assertThat(put.at("/error/message").asText()).isEqualTo("PUT is not allowed on /mcp; use POST");
    }

    @Test
    void batchIsInvalidRequest() throws Exception {
        HttpResponse<String> response = fixture.send(post("/mcp", "[" + LIST_TOOLS + "]"));

        JsonNode error = assertJsonRpcError(response, 400, -32600);
        assertThat(error.at("/error/message").asText()).contains("batches are not supported");
    }

    @Test
    void initializeWithoutParamsIsInvalidParams() throws Exception {
        HttpResponse<String> response =
                fixture.send(post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\"}"));

        JsonNode error = assertJsonRpcError(response, 400, -32602);
        assertThat(error.path("id").asInt()).isEqualTo(3);
    }

    @Test
    void toolCallWithTextParamsIsInvalidParams() throws Exception {
        HttpResponse<String> response =
                fixture.send(post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":\"x\"}"));

        JsonNode error = assertJsonRpcError(response, 400, -32602);
        assertThat(error.path("id").asInt()).isEqualTo(4);
    }

    @Test
    void responseToUnknownRequestIsBadRequest() throws Exception {
        HttpResponse<String> response = fixture.send(post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}"));

        JsonNode error = assertJsonRpcError(response, 400, -32600);
        assertThat(error.path("id").asInt()).isEqualTo(99);
        assertThat(error.at("/error/message").asText()).contains("sends no requests to clients");
    }

    @Test
    void oversizedBodyIsTooLarge() throws Exception {
        String padding = "x".repeat((int) McpHttpSettings.DEFAULT_MAX_BODY_BYTES);
        String body = LIST_TOOLS.replace(MARKER, padding);
        for (String path : List.of("/mcp", "/messages?sessionId=bogus")) {
            HttpResponse<String> response = fixture.send(post(path, body));

            JsonNode error = assertJsonRpcError(response, 413, -32600);
            assertThat(error.at("/error/message").asText()).isEqualTo("the request body is larger than 1048576 bytes");
        }
    }

    @Test
    void bodyAtLimitIsAccepted() throws Exception {
        String template = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\",\"params\":{\"pad\":\"\"}}";
        String body = template.replace(
                "\"pad\":\"\"",
                "\"pad\":\"" + "x".repeat((int) McpHttpSettings.DEFAULT_MAX_BODY_BYTES - template.length()) + "\"");
        HttpResponse<String> response = fixture.send(post("/mcp", body));

        assertThat(body.length()).isEqualTo(McpHttpSettings.DEFAULT_MAX_BODY_BYTES);
        assertThat(response.statusCode()).isEqualTo(202);
    }

    /** Checks the shape every error shares and returns the parsed body. */
    private static JsonNode assertJsonRpcError(HttpResponse<String> response, int status, int code) throws Exception {
        String where = response.request().method() + " " + response.uri();
        assertThat(response.statusCode()).as(where).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(where)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body().length()).as(where).isLessThan(500);
        assertThat(response.body()).as(where).doesNotContain("stackTrace", "Exception", MARKER);
        JsonNode body = Json.mapper().readTree(response.body());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(where).containsExactly("jsonrpc", "id", "error");
        assertThat(body.path("jsonrpc").asText()).as(where).isEqualTo("2.0");
        assertThat(body.at("/error/code").asInt()).as(where).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).as(where).isNotBlank();
        return body;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(fixture.url(path))).header("X-Api-Key", McpFixture.KEY);
    }

    private HttpRequest.Builder post(String path, String body) {
        return request(path)
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("byte not found");
    }
}
