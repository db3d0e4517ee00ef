package dev.agenticore.app;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.chat.CompletionService;
import dev.agenticore.core.cluster.SessionRelay;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.event.JobEventLog;
import dev.agenticore.core.job.JobQueue;
import dev.agenticore.core.job.JobService;
import dev.agenticore.core.job.JobStore;
import dev.agenticore.core.job.JobWorker;
import dev.agenticore.core.job.RunningJobs;
import dev.agenticore.core.memory.InMemoryJobQueue;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.core.workspace.RepositoryWorkspace;
import dev.agenticore.core.workspace.WorktreeService;
import dev.agenticore.mcp.McpEndpoints;
import dev.agenticore.mcp.McpHttpSettings;
import dev.agenticore.mcp.McpTools;
import dev.agenticore.redis.LocalWorker;
import dev.agenticore.redis.RedisCluster;
import dev.agenticore.rest.ApiKeyAuthentication;
import dev.agenticore.rest.HealthRoutes;
import dev.agenticore.rest.JobEventRoutes;
import dev.agenticore.rest.JobRoutes;
import dev.agenticore.rest.ProfileRoutes;
import dev.agenticore.rest.RestServer;
import dev.agenticore.rest.StreamLimiter;
import dev.agenticore.rest.WorktreeRoutes;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled server. Reading {@link #create} shows every component of the running system and
 * how they connect; there is no dependency-injection framework.
 */
public final class AgenticoreServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgenticoreServer.class);
    /** Event streams open at once on one server; more get 503 until one closes. */
    static final int MAX_EVENT_STREAMS = 200;

    private final ServerConfig config;
    private final JobWorker worker;
    private final RestServer rest;
    private final McpTools mcpTools;
    private final AtomicReference<McpEndpoints> mcpEndpoints;
    private final RedisCluster redis;
    private final AgentModeWiring agentMode;
    private boolean closed;

    private AgenticoreServer(
            ServerConfig config,
            JobWorker worker,
            RestServer rest,
            McpTools mcpTools,
            AtomicReference<McpEndpoints> mcpEndpoints,
            RedisCluster redis,
            AgentModeWiring agentMode) {
        this.config = config;
        this.worker = worker;
        this.rest = rest;
        this.mcpTools = mcpTools;
        this.mcpEndpoints = mcpEndpoints;
        this.redis = redis;
        this.agentMode = agentMode;
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
        requireDefaultProfile(config, profiles);
        RedisCluster redis = adapters.redis();
        JobQueue queue = redis != null ? redis.queue() : new InMemoryJobQueue();
        JobEventFeed feed = new JobEventFeed(eventLog);

        WorktreeService worktrees = new WorktreeService(
                adapters.git(),
                adapters.worktreeStore(),
                config.git().worktreeRoot(),
                config.jobs().allowFileUrls(),
                clock);
        RepositoryWorkspace workspace = new RepositoryWorkspace(
                worktrees, adapters.git(), adapters.codeHost(), config.home().resolve("work"));

        // Jobs and agent-mode requests share one limit of agent processes on this node.
        AgentCapacity capacity = new AgentCapacity(config.jobs().maxParallelJobs());
        JobWorker worker =
                new JobWorker(store, queue, runner, profiles, workspace, feed, config.jobs(), clock, capacity);
        RunningJobs runningJobs = redis != null ? redis.runningJobs(localWorker(worker), feed::wakeReaders) : worker;
        JobService jobs = new JobService(
                store,
                queue,
                new ProfileRouter(profiles, config.defaultProfile()),
                runningJobs,
                adapters.worktreeStore(),
                config.jobs(),
                clock);

        // A node of a cluster keeps taking submissions while it drains: other nodes run them.
        jobs.setAdmission(() -> redis != null || worker.isTakingJobs());
        AgentModeWiring agentMode = config.agentMode().enabled()
                ? AgentModeWiring.create(config, runner, profiles, capacity, redis, clock)
                : null;
        McpTools mcpTools = new McpTools(jobs, worktrees, profiles, agentMode == null ? null : agentMode.completions());
        AtomicReference<McpEndpoints> mcpEndpoints = new AtomicReference<>();
        McpHttpSettings mcpSettings = mcpSettings(config);

        RestServer.Builder builder = RestServer.builder(config.rest())
                .routes(new HealthRoutes(() -> health(config, redis, worker, jobs, agentMode)))
                .routes(new JobRoutes(jobs))
                .routes(new JobEventRoutes(jobs, feed, Duration.ofSeconds(15), new StreamLimiter(MAX_EVENT_STREAMS)))
                .routes(new ProfileRoutes(profiles))
                .routes(new WorktreeRoutes(worktrees))
                .customize(javalin -> javalin.jetty.threadPool = threadPool())
                .customize(javalin ->
                        javalin.jetty.modifyServletContextHandler(handler -> mcpEndpoints.set(McpEndpoints.mount(
                                handler,
                                mcpTools,
                                mcpSettings,
                                redis == null ? SessionRelay.NONE : redis.sessionRelay()))));
        if (agentMode != null) {
            agentMode.addRoutes(builder, config, clock);
        }
        Operations.create(config, adapters.codeHost(), store, worker, jobs).register(builder);
        RestServer rest = builder.build();
        return new AgenticoreServer(config, worker, rest, mcpTools, mcpEndpoints, redis, agentMode);
    }

    /** Starts the worker, then the HTTP server. */
    public AgenticoreServer start() {
        if (redis != null) {
            redis.start();
        }
        worker.start();
        try {
            rest.start();
        } catch (RuntimeException | LinkageError e) {
            worker.close();
            closeRedis();
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
        if (redis != null) {
            redis.start();
        }
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

    /** Returns the registered HTTP routes as {@code "METHOD /path"}, for checks of the API description. */
    public List<String> restEndpoints() {
        return rest.endpoints();
    }

    /** Returns the HTTP port. */
    public int port() {
        return rest.port();
    }

    /**
     * Stops taking jobs and completions, fails the completions still queued on this node, lets
     * running jobs and completions finish for up to the drain timeout, then fails the rest and
     * stops the HTTP server.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletionService completions = agentMode != null ? agentMode.completions() : null;
        drain(completions);

        worker.close();
        McpEndpoints endpoints = mcpEndpoints.get();
        if (endpoints != null) {
            endpoints.close();
        }
        if (completions != null) {
            completions.close();
        }
        rest.close();
        closeRedis();
        log.info("Stopped");
    }

    /**
     * Stops taking jobs and completions and waits up to the drain timeout for the running ones.
     *
     * @param completions the completion service, or null outside agent mode
     */
    private void drain(CompletionService completions) {
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        log.info(
                "Stopping: waiting up to {} s for {} running jobs",
                config.drainTimeout().toSeconds(),
                worker.runningCount());
        worker.stopAccepting();
        if (completions != null) {
            completions.stopAccepting();
        }
        try {
            worker.awaitIdle(config.drainTimeout());
            if (completions != null) {
                completions.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns the HTTP thread pool. Event streams hold a thread each while open and are capped at
     * {@link #MAX_EVENT_STREAMS}, so the pool keeps as many threads again for every other request.
     */
    private static org.eclipse.jetty.util.thread.QueuedThreadPool threadPool() {
        org.eclipse.jetty.util.thread.QueuedThreadPool pool =
                new org.eclipse.jetty.util.thread.QueuedThreadPool(2 * MAX_EVENT_STREAMS + 50, 8);
        pool.setName("agenticore-http");
        return pool;
    }

    private static void requireDefaultProfile(ServerConfig config, ProfileCatalog profiles) {
        if (profiles.find(config.defaultProfile()).isEmpty()) {
            String available = profiles.list().stream()
                    .map(dev.agenticore.core.profile.Profile::name)
                    .collect(java.util.stream.Collectors.joining(", "));
            throw new ConfigException("AGENTICORE_DEFAULT_PROFILE '" + config.defaultProfile()
                    + "' does not exist; choose one of: " + available);
        }
    }

    private static McpHttpSettings mcpSettings(ServerConfig config) {
        ApiKeyAuthentication keys = new ApiKeyAuthentication(config.rest().apiKeys());
        return McpHttpSettings.defaults(keys::admits)
                .withAllowedHosts(config.mcp().allowedHosts())
                .withAllowedOrigins(config.mcp().allowedOrigins())
                .withDnsRebindingProtection(config.mcp().dnsRebindingProtection())
                .withMaxBodyBytes(config.rest().maxBodyBytes());
    }

    private void closeRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static Map<String, Object> health(
            ServerConfig config, RedisCluster redis, JobWorker worker, JobService jobs, AgentModeWiring agentMode) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", Version.current());
        details.put("node", config.jobs().podName());
        details.put("store", "file");
        if (redis != null) {
            details.putAll(redis.health());
        }
        details.put("running", worker.runningCount());
        try {
            details.put("queued", jobs.queuedCount());
        } catch (StorageException e) {
            details.put("status", "degraded");
            details.put("queued", null);
        }
        details.put("max_parallel_jobs", config.jobs().maxParallelJobs());
        details.putIfAbsent("draining", !worker.isTakingJobs());
        if (agentMode != null) {
            details.putAll(agentMode.healthDetails());
        }
        return details;
    }

    /** Returns the part of the worker that the Redis node heartbeat drives. */
    private static LocalWorker localWorker(JobWorker worker) {
        return new LocalWorker() {
            @Override
            public int runningCount() {
                return worker.runningCount();
            }

            @Override
            public Set<String> runningJobIds() {
                return worker.runningJobIds();
            }

            @Override
            public void setDraining(boolean draining) {
                worker.setDraining(draining);
            }

            @Override
            public void stop(String jobId) {
                worker.stop(jobId);
            }
        };
    }
}
