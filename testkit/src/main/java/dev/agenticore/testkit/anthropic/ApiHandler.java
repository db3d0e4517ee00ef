package dev.agenticore.testkit.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the requests of {@link ScriptedAnthropicApi}, records each one and writes the scripted replies. */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String MESSAGES_PATH = "/v1/messages";
    private static final String COUNT_TOKENS_PATH = "/v1/messages/count_tokens";

    private final ScriptedAnthropicApi api;
    private final ObjectMapper mapper;
    private final MessageRenderer renderer;

    ApiHandler(ScriptedAnthropicApi api, ObjectMapper mapper) {
        this.api = api;
        this.mapper = mapper;
        this.renderer = new MessageRenderer(mapper);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            RecordedRequest request = read(exchange);
            api.record(request);
            route(exchange, request);
        } catch (IOException e) {
            // The client usually closed the connection, for example when a test kills the CLI mid-stream.
            LOG.debug("Writing the response to {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
        String method = request.method();
        String path = request.path();
        if (path.equals("/") && (method.equals("HEAD") || method.equals("GET"))) {
            exchange.sendResponseHeaders(200, -1);
        } else if (path.equals(COUNT_TOKENS_PATH) && method.equals("POST")) {
            int tokens = MessageRenderer.estimateTokens(request.rawBody().length());
            sendJson(exchange, 200, mapper.createObjectNode().put("input_tokens", tokens), Map.of());
        } else if (path.equals(MESSAGES_PATH) && method.equals("POST")) {
            answerMessages(exchange, request);
        } else {
            String message = "Not found: " + method + " " + path;
            sendJson(exchange, 404, errorBody("not_found_error", message), Map.of());
        }
    }

    private void answerMessages(HttpExchange exchange, RecordedRequest request) throws IOException {
        if (!request.body().isObject()) {
            String message = "Request body must be a JSON object, got: " + abbreviate(request.rawBody());
            sendJson(exchange, 400, errorBody("invalid_request_error", message), Map.of());
            return;
        }
        Reply reply = api.nextReply(request);
        LOG.debug("Answering {} request to model {} with {}", turnKind(request), request.model(), reply);
        if (reply.isHang()) {
            api.awaitClose();
            return;
        }
        if (api.awaitClose(reply.delay())) {
            return;
        }
        if (reply.isError()) {
            Reply.ApiError error = reply.apiError();
            sendJson(exchange, error.status(), errorBody(error.type(), error.message()), reply.headers());
        } else if (request.streaming()) {
            stream(exchange, request, reply);
        } else {
            ObjectNode message =
                    renderer.message(reply, request.model(), request.rawBody().length());
            sendJson(exchange, 200, message, reply.headers());
        }
    }

    private void stream(HttpExchange exchange, RecordedRequest request, Reply reply) throws IOException {
        List<MessageRenderer.Event> events =
                renderer.events(reply, request.model(), request.rawBody().length());
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        setRequestId(exchange);
        exchange.sendResponseHeaders(200, 0);

        OutputStream body = exchange.getResponseBody();
        for (int i = 0; i < events.size(); i++) {
            if (i > 0 && api.awaitClose(reply.chunkDelay())) {
                return;
            }
            MessageRenderer.Event event = events.get(i);
            String data = mapper.writeValueAsString(event.data());
            String frame = "event: " + event.type() + "\ndata: " + data + "\n\n";
            body.write(frame.getBytes(StandardCharsets.UTF_8));
            body.flush();
            api.recordSent(new SentEvent(event.type(), data, Instant.now()));
        }
    }

    private void sendJson(HttpExchange exchange, int status, JsonNode json, Map<String, String> headers)
            throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        setRequestId(exchange);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private ObjectNode errorBody(String type, String message) {
        ObjectNode body = mapper.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body;
    }

    private RecordedRequest read(HttpExchange exchange) throws IOException {
        String rawBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        JsonNode body = parse(rawBody);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        boolean mainTurn = method.equals("POST") && path.equals(MESSAGES_PATH) && isMainTurn(body);
        return new RecordedRequest(method, path, query == null ? "" : query, headers, body, rawBody, mainTurn);
    }

    /** Applies the main-turn rule documented on {@link ScriptedAnthropicApi}: the body offers tools. */
    private static boolean isMainTurn(JsonNode body) {
        JsonNode tools = body.path("tools");
        return tools.isArray() && !tools.isEmpty();
    }

    private JsonNode parse(String rawBody) {
        if (rawBody.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(rawBody);
        } catch (JsonProcessingException e) {
            LOG.debug("Request body is not JSON: {}", abbreviate(rawBody), e);
            return MissingNode.getInstance();
        }
    }

    private static void setRequestId(HttpExchange exchange) {
        exchange.getResponseHeaders()
                .set("request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private static String turnKind(RecordedRequest request) {
        return request.mainTurn() ? "main-turn" : "side";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
