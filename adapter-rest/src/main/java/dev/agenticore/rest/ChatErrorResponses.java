package dev.agenticore.rest;

import dev.agenticore.core.AgenticoreException;
import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.NotFoundException;
import dev.agenticore.core.StorageException;
import dev.agenticore.json.ChatErrors;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions of the OpenAI-compatible routes to OpenAI's error shape. A failed agent run gets
 * {@code x-should-retry: false}, because OpenAI's SDKs retry every 5xx by default and a retry would
 * run the agent again.
 */
final class ChatErrorResponses {
    private static final Logger log = LoggerFactory.getLogger(ChatErrorResponses.class);

    private ChatErrorResponses() {}

    /** Sends the error response for an exception thrown before a response was started. */
    static void send(Context ctx, RuntimeException e) {
        if (e instanceof InvalidRequestException invalid) {
            send(ctx, 400, invalid.getMessage(), "invalid_request_error", invalid.field(), null);
        } else if (e instanceof CapacityExceededException full) {
            ctx.header(
                    "Retry-After", Long.toString(Math.max(1, full.retryAfter().toSeconds())));
            send(ctx, 503, full.getMessage(), "server_error", null, "capacity_exceeded");
        } else if (e instanceof ConflictException conflict) {
            send(ctx, 409, conflict.getMessage(), "invalid_request_error", null, "conversation_busy");
        } else if (e instanceof NotFoundException missing) {
            send(ctx, 404, missing.getMessage(), "invalid_request_error", null, "not_found");
        } else if (e instanceof StorageException storage) {
            log.error("Storage failed on {} {}", ctx.method(), ctx.path(), storage);
            ctx.header("Retry-After", "5");
            send(ctx, 503, "storage is unavailable: " + storage.getMessage(), "server_error", null, null);
        } else if (e instanceof AgenticoreException failure) {
            log.warn("Request {} {} failed", ctx.method(), ctx.path(), failure);
            agentFailure(ctx, failure.getMessage());
        } else {
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, 500, "internal error; the server log has the details", "server_error", null, null);
        }
    }

    /** Sends a 500 for an agent that failed, which clients must not retry on their own. */
    static void agentFailure(Context ctx, String message) {
        ctx.header("x-should-retry", "false");
        send(ctx, 500, message, "server_error", null, "agent_error");
    }

    static void send(Context ctx, int status, String message, String type, String param, String code) {
        JsonResponses.send(ctx, status, ChatErrors.body(message, type, param, code));
    }
}
