package dev.agenticore.rest;

import dev.agenticore.core.AgenticoreException;
import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.NotFoundException;
import dev.agenticore.core.StorageException;
import dev.agenticore.core.workspace.CodeHostException;
import dev.agenticore.core.workspace.GitException;
import dev.agenticore.core.workspace.WorkspaceException;
import dev.agenticore.json.ResponseBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses: 400 invalid input (a repository that cannot
 * be fetched or a branch that does not exist included), 404 unknown ids, 409 conflicts, 413 large
 * bodies, 502 when the code host fails, 503 when full or when storage is down, and 500 with no stack
 * trace for anything unexpected.
 */
final class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void register(RoutesConfig routes, long maxBodyBytes) {
        routes.exception(InvalidRequestException.class, (e, ctx) -> send(ctx, 400, e.getMessage()));
        routes.exception(NotFoundException.class, (e, ctx) -> send(ctx, 404, e.getMessage()));
        routes.exception(GitException.class, (e, ctx) -> send(ctx, 400, e.getMessage()));
        routes.exception(WorkspaceException.class, (e, ctx) -> send(ctx, 400, e.getMessage()));
        routes.exception(CodeHostException.class, (e, ctx) -> send(ctx, 502, e.getMessage()));
        routes.exception(ConflictException.class, (e, ctx) -> send(ctx, 409, e.getMessage()));

        routes.exception(CapacityExceededException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            send(ctx, 503, e.getMessage());
        });
        routes.exception(StorageException.class, (e, ctx) -> {
            log.error("Storage failed on {} {}", ctx.method(), ctx.path(), e);
            ctx.header("Retry-After", "5");
            send(ctx, 503, "storage is unavailable: " + e.getMessage() + "; retry later");
        });

        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) {
                rejectOversized(ctx, maxBodyBytes);
            } else {
                send(ctx, e.getStatus(), describe(e, ctx, maxBodyBytes));
            }
        });
        routes.exception(AgenticoreException.class, (e, ctx) -> {
            log.warn("Request {} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, 500, "internal error; the server log has the details");
        });

        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                send(ctx, 404, "no route for " + ctx.method() + " " + ctx.path());
            }
        });
        routes.error(405, "*", ctx -> send(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
    }

    private static String describe(HttpResponseException e, Context ctx, long maxBodyBytes) {
        return switch (e.getStatus()) {
            case 404 -> "no route for " + ctx.method() + " " + ctx.path();
            case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "the request body is larger than " + maxBodyBytes + " bytes";
            default -> e.getMessage();
        };
    }

    /** Maximum number of bytes of an oversized body read and discarded before the 413 response: 32 MiB. */
    private static final long DISCARD_LIMIT_BYTES = 32L * 1024 * 1024;

    /**
     * Sends 413 for a body over the limit. Clients that write their whole body before reading see
     * the response only after the body was read, so a bounded rest of it is discarded first. The
     * connection closes afterwards.
     */
    static void rejectOversized(Context ctx, long maxBodyBytes) {
        byte[] buffer = new byte[8192];
        long discarded = 0;
        try {
            java.io.InputStream in = ctx.req().getInputStream();
            int read;
            while (discarded < DISCARD_LIMIT_BYTES && (read = in.read(buffer)) >= 0) {
                discarded += read;
            }
        } catch (java.io.IOException | IllegalStateException e) {
            log.debug("Stopped discarding an oversized body: {}", e.getMessage());
        }
        ctx.header("Connection", "close");
        send(ctx, 413, "the request body is larger than " + maxBodyBytes + " bytes");
    }

    static void send(Context ctx, int status, String message) {
        JsonResponses.send(ctx, status, ResponseBodies.error(message));
    }
}
