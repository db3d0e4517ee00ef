package dev.agenticore.app;

import dev.agenticore.core.job.JobService;
import dev.agenticore.core.job.JobStore;
import dev.agenticore.core.job.JobWorker;
import dev.agenticore.core.sync.SyncService;
import dev.agenticore.core.workspace.CodeHost;
import dev.agenticore.git.JGitContentRepository;
import dev.agenticore.rest.MetricsRoutes;
import dev.agenticore.rest.OpenApiRoutes;
import dev.agenticore.rest.RestServer;
import dev.agenticore.rest.ServerMetrics;
import dev.agenticore.rest.SyncRoutes;

/**
 * The operations side of the server: content sync, metrics and the OpenAPI description. Created
 * with the job components it observes, then added to the HTTP server with {@link #register}.
 */
final class Operations {
    private final ServerConfig config;
    private final SyncService sync;
    private final ServerMetrics metrics;

    private Operations(ServerConfig config, SyncService sync, ServerMetrics metrics) {
        this.config = config;
        this.sync = sync;
        this.metrics = metrics;
    }

    /**
     * Creates the sync service and the metrics, and makes the worker report ended jobs to them.
     *
     * @param codeHost supplies the token for HTTPS remotes, as for git jobs
     */
    static Operations create(
            ServerConfig config, CodeHost codeHost, JobStore store, JobWorker worker, JobService jobs) {
        int timeoutSeconds = (int) Math.max(1, config.git().networkTimeout().toSeconds());
        SyncService sync = new SyncService(
                config.operations().contentSources(),
                new JGitContentRepository(codeHost::gitToken, timeoutSeconds),
                config.syncDirectory(),
                config.jobs().allowFileUrls());
        ServerMetrics metrics = new ServerMetrics();
        metrics.bindJobs(
                store, jobs::queuedCount, worker::runningCount, config.jobs().podName());
        worker.setLifecycleListener(metrics);
        return new Operations(config, sync, metrics);
    }

    private volatile Thread startupSync;

    /** Returns the metrics, whose {@link ServerMetrics#openAgentStreams()} agent mode updates. */
    ServerMetrics metrics() {
        return metrics;
    }

    /**
     * Adds the routes ({@code POST /admin/sync}, {@code GET /metrics}, {@code GET /openapi.json}),
     * the request metrics, and the start-up sync, which runs on a background thread once the server
     * listens so that a slow remote does not delay the start.
     *
     * <p>NOTE: the start-up sync hangs on the HTTP server's start event, so {@code agenticore mcp}
     * over standard input and output, which starts no HTTP server, does not sync.
     */
    void register(RestServer.Builder builder) {
        builder.routes(new SyncRoutes(sync))
                .routes(new MetricsRoutes(metrics))
                .routes(new OpenApiRoutes(Version.current()))
                .requestListener(metrics)
                .customize(javalin -> {
                    javalin.events.serverStarted(this::startSync);
                    javalin.events.serverStopping(this::awaitSync);
                });
        if (config.operations().metricsPublic()) {
            builder.publicPath("/metrics");
        }
    }

    private void startSync() {
        Thread thread = new Thread(sync::syncAtStartup, "agenticore-content-sync");
        thread.setDaemon(true);
        startupSync = thread;
        thread.start();
    }

    /** Lets a running start-up sync finish before the server stops, so it does not write into a closed home. */
    private void awaitSync() {
        Thread thread = startupSync;
        if (thread == null) {
            return;
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
