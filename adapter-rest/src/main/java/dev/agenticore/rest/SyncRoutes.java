package dev.agenticore.rest;

import dev.agenticore.core.sync.SyncService;
import dev.agenticore.core.sync.SyncTarget;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /admin/sync?target=all|agentihooks|bundle|agentihub}: brings the companion
 * repositories up to date and returns each requested target's result. The request waits for the
 * sync, so a slow remote delays the response by up to the git network timeout per target.
 */
public final class SyncRoutes implements RouteGroup {
    private final SyncService sync;

    /** Creates the route over the sync service. */
    public SyncRoutes(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/admin/sync", this::sync);
    }

    private void sync(Context ctx) {
        List<SyncTarget> targets = SyncTarget.select(ctx.queryParam("target"));
        JsonResponses.send(ctx, 200, sync.sync(targets));
    }
}
