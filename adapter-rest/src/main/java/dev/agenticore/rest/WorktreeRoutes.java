package dev.agenticore.rest;

import dev.agenticore.core.workspace.WorktreeService;
import dev.agenticore.json.RequestReader;
import dev.agenticore.json.ResponseBodies;
import dev.agenticore.json.WorktreeBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /worktrees}, {@code GET /worktrees}, {@code GET /worktrees/{worktree_id}}, {@code
 * DELETE /worktrees/{worktree_id}} and {@code POST /worktrees/cleanup}.
 */
public final class WorktreeRoutes implements RouteGroup {
    private final WorktreeService worktrees;

    /** Creates the routes over the worktree service. */
    public WorktreeRoutes(WorktreeService worktrees) {
        this.worktrees = worktrees;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/worktrees", this::prepare);
        routes.get("/worktrees", ctx -> JsonResponses.send(ctx, 200, WorktreeBodies.listings(worktrees.list())));
        routes.post("/worktrees/cleanup", this::cleanup);
        routes.get("/worktrees/{worktree_id}", this::get);
        routes.delete("/worktrees/{worktree_id}", this::remove);
    }

    private void prepare(Context ctx) {
        WorktreeBodies.PrepareRequest request =
                WorktreeBodies.prepareRequest(RequestReader.readObject(ctx.bodyAsBytes()));
        Map<String, Object> body = ResponseBodies.success();
        body.put("worktree", WorktreeBodies.worktree(worktrees.prepare(request.repoUrl(), request.baseRef())));
        JsonResponses.send(ctx, 200, body);
    }

    private void get(Context ctx) {
        Map<String, Object> body = ResponseBodies.success();
        body.put("worktree", WorktreeBodies.details(worktrees.describe(ctx.pathParam("worktree_id"))));
        JsonResponses.send(ctx, 200, body);
    }

    private void remove(Context ctx) {
        JsonResponses.send(ctx, 200, WorktreeBodies.removals(List.of(worktrees.remove(ctx.pathParam("worktree_id")))));
    }

    private void cleanup(Context ctx) {
        WorktreeBodies.CleanupRequest request =
                WorktreeBodies.cleanupRequest(RequestReader.readObject(ctx.bodyAsBytes()));
        JsonResponses.send(
                ctx, 200, WorktreeBodies.removals(worktrees.cleanup(request.paths(), request.maxAgeHours())));
    }
}
