package dev.agenticore.rest;

import dev.agenticore.core.chat.ChatRequest;
import dev.agenticore.core.chat.ChatService;
import dev.agenticore.core.chat.ChatTurn;
import dev.agenticore.core.chat.TurnResult;
import dev.agenticore.json.ChatChunks;
import dev.agenticore.json.ChatRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible routes of agent mode: {@code POST /v1/chat/completions}, streamed or not,
 * and {@code GET /v1/models}, which lists the agent's model name. Every error of these routes has
 * OpenAI's shape, except the 401 of the shared API-key check.
 */
public final class ChatCompletionRoutes implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(ChatCompletionRoutes.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final ChatService chat;
    private final Duration keepAliveInterval;
    private final Clock clock;
    private final long createdAt;

    /**
     * Creates the routes.
     *
     * @param keepAliveInterval how long a stream may be quiet before a keep-alive comment is sent
     */
    public ChatCompletionRoutes(ChatService chat, Duration keepAliveInterval, Clock clock) {
        this.chat = chat;
        this.keepAliveInterval = keepAliveInterval;
        this.clock = clock;
        this.createdAt = clock.instant().getEpochSecond();
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/chat/completions", this::complete);
        routes.get("/v1/models", this::models);
        routes.get("/v1/models/{model}", this::model);
    }

    private void complete(Context ctx) throws InterruptedException {
        String requestId = requestId(ctx);
        ChatRequest request;
        ChatTurn turn;
        try {
            request = ChatRequests.read(ctx.bodyAsBytes(), headers(ctx));
            turn = chat.open(request, requestId);
        } catch (RuntimeException e) {
            ChatErrorResponses.send(ctx, e);
            return;
        }
        ChatChunks chunks = new ChatChunks(
                "chatcmpl-" + requestId,
                chat.settings().modelName(),
                clock.instant().getEpochSecond());
        if (request.stream()) {
            new ChatStreamWriter(turn, chunks, keepAliveInterval, requestId).write(ctx, request.includeUsage());
            return;
        }
        // NOTE: a client that disconnects from a request that is not streamed is not noticed, so its
        // agent runs on until it ends or times out.
        TurnResult result;
        try {
            result = turn.awaitResult();
        } catch (InterruptedException e) {
            turn.cancel();
            throw e;
        }
        if (result.isError()) {
            log.info("Request {}: the agent failed: {}", requestId, result.error());
            ChatErrorResponses.agentFailure(ctx, result.error());
            return;
        }
        JsonResponses.send(ctx, 200, chunks.completion(result.text(), result.usage()));
    }

    private void models(Context ctx) {
        JsonResponses.send(ctx, 200, ChatChunks.models(chat.settings().modelName(), createdAt));
    }

    private void model(Context ctx) {
        String name = chat.settings().modelName();
        if (!ctx.pathParam("model").equals(name)) {
            ChatErrorResponses.send(
                    ctx,
                    404,
                    "model '" + ctx.pathParam("model") + "' does not exist; this server serves '" + name + "'",
                    "invalid_request_error",
                    "model",
                    "model_not_found");
            return;
        }
        JsonResponses.send(ctx, 200, ChatChunks.model(name, createdAt));
    }

    /** Returns the client's {@code X-Request-Id} when it is a safe id, else a new UUID. */
    private static String requestId(Context ctx) {
        String given = ctx.header("X-Request-Id");
        if (given != null && SAFE_REQUEST_ID.matcher(given.strip()).matches()) {
            return given.strip();
        }
        return UUID.randomUUID().toString();
    }

    private static Map<String, String> headers(Context ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return headers;
    }
}
