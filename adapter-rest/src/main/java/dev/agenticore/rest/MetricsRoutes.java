package dev.agenticore.rest;

import io.javalin.config.RoutesConfig;

/**
 * {@code GET /metrics}: the Prometheus text format. Protected by API keys like every other route,
 * unless the server builder lists {@code /metrics} as a public path.
 */
public final class MetricsRoutes implements RouteGroup {
    private final ServerMetrics metrics;

    /** Creates the route over the server's metrics. */
    public MetricsRoutes(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/metrics",
                ctx -> ctx.status(200).contentType(ServerMetrics.CONTENT_TYPE).result(metrics.scrape()));
    }
}
