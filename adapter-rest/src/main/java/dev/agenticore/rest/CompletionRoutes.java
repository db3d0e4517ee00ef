package dev.agenticore.rest;

import dev.agenticore.core.chat.Completion;
import dev.agenticore.core.chat.CompletionService;
import dev.agenticore.core.chat.CompletionStatus;
import dev.agenticore.json.CompletionBodies;
import dev.agenticore.json.RequestReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The completions API of agent mode: {@code POST /completions} (200 with the ended completion, 500
 * when the agent failed, 202 when queued), {@code GET /completions/{uuid}} and {@code GET
 * /completions?limit=&status=}. Errors use the server's standard error body.
 */
public final class CompletionRoutes implements RouteGroup {
    private final CompletionService completions;

    /** Creates the routes over the completion service. */
    public CompletionRoutes(CompletionService completions) {
        this.completions = completions;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/completions", this::submit);
        routes.get("/completions", this::list);
        routes.get("/completions/{uuid}", this::get);
    }

    private void submit(Context ctx) throws InterruptedException {
        Completion completion =
                completions.submit(CompletionBodies.request(RequestReader.readObject(ctx.bodyAsBytes())));
        int status = completion.status() == CompletionStatus.QUEUED
                ? 202
                : completion.status() == CompletionStatus.FAILED ? 500 : 200;
        JsonResponses.send(ctx, status, CompletionBodies.submitted(completion));
    }

    private void list(Context ctx) {
        JsonResponses.send(
                ctx,
                200,
                CompletionBodies.list(
                        completions.list(ctx.queryParam("status"), QueryParameters.optionalInt(ctx, "limit"))));
    }

    private void get(Context ctx) {
        JsonResponses.send(ctx, 200, CompletionBodies.found(completions.get(ctx.pathParam("uuid"))));
    }
}
