package dev.agenticore.app;

import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.event.JobEventLog;
import dev.agenticore.core.job.JobQueue;
import dev.agenticore.core.job.JobService;
import dev.agenticore.core.job.JobStore;
import dev.agenticore.core.job.JobWorker;
import dev.agenticore.core.memory.InMemoryJobQueue;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.core.workspace.RepositoryWorkspace;
import dev.agenticore.core.workspace.WorktreeService;
import dev.agenticore.mcp.McpEndpoints;
import dev.agenticore.mcp.McpHttpSettings;
import dev.agenticore.mcp.McpTools;
import dev.agenticore.rest.ApiKeyAuthentication;
import dev.agenticore.rest.HealthRoutes;
import dev.agenticore.rest.JobEventRoutes;
import dev.agenticore.rest.JobRoutes;
import dev.agenticore.rest.ProfileRoutes;
import dev.agenticore.rest.RestServer;
import dev.agenticore.rest.WorktreeRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled server. Reading {@link #create} shows every component of the running system and
 * how they connect; there is no dependency-injection framework.
 */
public final class AgenticoreServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgenticoreServer.class);

    private final ServerConfig config;
    private final JobWorker worker;
    private final RestServer rest;
    private final McpTools mcpTools;
    private final AtomicReference<McpEndpoints> mcpEndpoints;
    private boolean closed;

    private AgenticoreServer(
            ServerConfig config,
            JobWorker worker,
            RestServer rest,
            McpTools mcpTools,
            AtomicReference<McpEndpoints> mcpEndpoints) {
        this.config = config;
        this.worker = worker;
        this.rest = rest;
        this.mcpTools = mcpTools;
        this.mcpEndpoints = mcpEndpoints;
    }

    /** Wires the server from its configuration without starting it. */
    public static AgenticoreServer create(ServerConfig config) {
        return create(config, Adapters.forConfig(config));
    }

    /** Wires the server from its configuration and the given adapters without starting it. */
    public static AgenticoreServer create(ServerConfig config, Adapters adapters) {
        Clock clock = Clock.systemUTC();
        JobStore store = adapters.jobStore();
        JobEventLog eventLog = adapters.eventLog();
        ProfileCatalog profiles = adapters.profiles();
        AgentRunner runner = adapters.agentRunner();
        JobQueue queue = new InMemoryJobQueue();
        JobEventFeed feed = new JobEventFeed(eventLog);

        WorktreeService worktrees = new WorktreeService(
                adapters.git(),
                adapters.worktreeStore(),
                config.git().worktreeRoot(),
                config.jobs().allowFileUrls(),
                clock);
        RepositoryWorkspace workspace = new RepositoryWorkspace(
                worktrees, adapters.git(), adapters.codeHost(), config.home().resolve("work"));

        JobWorker worker = new JobWorker(store, queue, runner, profiles, workspace, feed, config.jobs(), clock);
        JobService jobs = new JobService(
                store, queue, new ProfileRouter(profiles, config.defaultProfile()), worker, config.jobs(), clock);

        McpTools mcpTools = new McpTools(jobs, worktrees, profiles);
        AtomicReference<McpEndpoints> mcpEndpoints = new AtomicReference<>();
        McpHttpSettings mcpSettings = mcpSettings(config);

        RestServer rest = RestServer.builder(config.rest())
                .routes(new HealthRoutes(() -> health(config, store, worker, jobs)))
                .routes(new JobRoutes(jobs))
                .routes(new JobEventRoutes(jobs, feed, Duration.ofSeconds(15)))
                .routes(new ProfileRoutes(profiles))
                .routes(new WorktreeRoutes(worktrees))
                .customize(javalin -> javalin.jetty.modifyServletContextHandler(
                        handler -> mcpEndpoints.set(McpEndpoints.mount(handler, mcpTools, mcpSettings))))
                .build();
        return new AgenticoreServer(config, worker, rest, mcpTools, mcpEndpoints);
    }

    /** Starts the worker, then the HTTP server. */
    public AgenticoreServer start() {
        worker.start();
        try {
            rest.start();
        } catch (RuntimeException | LinkageError e) {
            worker.close();
            throw e;
        }
        log.info(
                "Agenticore {} started on node {} with state in {}",
                Version.current(),
                config.jobs().podName(),
                config.home());
        return this;
    }

    /**
     * Starts only the job worker, for the MCP server over standard input and output, which needs no
     * HTTP port.
     */
    public AgenticoreServer startWithoutHttp() {
        worker.start();
        log.info(
                "Agenticore {} started without HTTP on node {}",
                Version.current(),
                config.jobs().podName());
        return this;
    }

    /** Returns the MCP tools over this server's services. */
    public McpTools mcpTools() {
        return mcpTools;
    }

    /** Returns the HTTP port. */
    public int port() {
        return rest.port();
    }

    /**
     * Stops taking jobs, lets running jobs finish for up to the drain timeout, then fails the rest
     * and stops the HTTP server.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info(
                "Stopping: waiting up to {} s for {} running jobs",
                config.drainTimeout().toSeconds(),
                worker.runningCount());
        worker.stopAccepting();
        try {
            worker.awaitIdle(config.drainTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.close();
        McpEndpoints endpoints = mcpEndpoints.get();
        if (endpoints != null) {
            endpoints.close();
        }
        rest.close();
        log.info("Stopped");
    }

    private static McpHttpSettings mcpSettings(ServerConfig config) {
        ApiKeyAuthentication keys = new ApiKeyAuthentication(config.rest().apiKeys());
        return McpHttpSettings.defaults(keys::admits)
                .withAllowedHosts(config.mcp().allowedHosts())
                .withAllowedOrigins(config.mcp().allowedOrigins())
                .withDnsRebindingProtection(config.mcp().dnsRebindingProtection());
    }

    private static Map<String, Object> health(ServerConfig config, JobStore store, JobWorker worker, JobService jobs) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", Version.current());
        details.put("node", config.jobs().podName());
        details.put("store", "file");
        details.put("running", worker.runningCount());
        details.put("queued", jobs.queuedCount());
        details.put("max_parallel_jobs", config.jobs().maxParallelJobs());
        return details;
    }
}
