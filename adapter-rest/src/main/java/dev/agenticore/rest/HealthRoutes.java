package dev.agenticore.rest;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: always public, {@code {"status": "ok", "service": "agenticore"}} plus the
 * details the server adds (node, store, running and queued jobs). A details supplier that reports
 * {@code "status": "degraded"} overrides the status.
 */
public final class HealthRoutes implements RouteGroup {
    private final Supplier<Map<String, Object>> details;

    /** Creates the route; {@code details} is called on every request and must be cheap. */
    public HealthRoutes(Supplier<Map<String, Object>> details) {
        this.details = details;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("service", "agenticore");
            body.putAll(details.get());
            JsonResponses.send(ctx, 200, body);
        });
    }
}
