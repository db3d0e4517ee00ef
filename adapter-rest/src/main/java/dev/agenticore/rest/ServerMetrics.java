package dev.agenticore.rest;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobLifecycleListener;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.core.job.JobStore;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's metrics in a Micrometer registry that renders the Prometheus text format. Gauges read
 * their sources at scrape time; job and request histograms use fixed bucket bounds so that the
 * series count stays small. Thread-safe.
 *
 * <p>Prometheus names: {@code agenticore_jobs{status}}, {@code agenticore_queue_depth}, {@code
 * agenticore_node_running_jobs{node}}, {@code agenticore_job_duration_seconds{status,profile}},
 * {@code agenticore_job_cost_usd{status,profile}}, {@code
 * agenticore_http_requests_seconds{method,route,status}}, {@code agenticore_agent_streams_open},
 * and the JVM's memory, thread, processor and uptime metrics.
 */
public final class ServerMetrics implements JobLifecycleListener, RequestListener {
    /** Content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(ServerMetrics.class);
    private static final Duration[] JOB_BUCKETS = {
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
        Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30),
        Duration.ofHours(1), Duration.ofHours(2)
    };
    private static final double[] COST_BUCKETS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25};
    private static final Duration[] REQUEST_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger openAgentStreams = new AtomicInteger();
    /** Request timers by method, route template and status, so a request looks its timer up once. */
    private final ConcurrentMap<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    private record RequestKey(String method, String route, int status) {}

    /** Creates the registry with the JVM metrics and the agent-stream gauge. */
    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("agenticore.agent.streams.open", openAgentStreams, AtomicInteger::get)
                .description("Agent-mode responses currently streaming to clients")
                .register(registry);
    }

    /**
     * Adds the job gauges.
     *
     * @param store counted per status at each scrape
     * @param queueDepth jobs waiting in the queue
     * @param runningOnNode jobs running on this node
     * @param node this node's name, used as the {@code node} label
     */
    public void bindJobs(JobStore store, IntSupplier queueDepth, IntSupplier runningOnNode, String node) {
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("agenticore.jobs", () -> count(store, status))
                    .tag("status", status.wireName())
                    .description("Jobs in the store by status")
                    .register(registry);
        }
        Gauge.builder("agenticore.queue.depth", () -> read(queueDepth))
                .description("Jobs waiting in the queue")
                .register(registry);
        Gauge.builder("agenticore.node.running.jobs", () -> read(runningOnNode))
                .tag("node", node)
                .description("Jobs running on this node")
                .register(registry);
    }

    /**
     * Returns the counter of open agent-mode streams: increment it when a stream starts and
     * decrement it when the stream ends, whichever way it ends.
     */
    public AtomicInteger openAgentStreams() {
        return openAgentStreams;
    }

    /** Records the run time and cost of a job that ended. */
    @Override
    public void jobEnded(Job job) {
        String status = job.status().wireName();
        String profile = job.profile().isEmpty() ? "none" : job.profile();
        if (job.startedAt() != null && job.endedAt() != null) {
            Timer.builder("agenticore.job.duration")
                    .description("Run time of ended jobs, from start to end")
                    .tags("status", status, "profile", profile)
                    .serviceLevelObjectives(JOB_BUCKETS)
                    .register(registry)
                    .record(Duration.between(job.startedAt(), job.endedAt()));
        }
        if (job.costUsd() != null) {
            DistributionSummary.builder("agenticore.job.cost")
                    .baseUnit("usd")
                    .description("Cost reported by the agent for ended jobs")
                    .tags("status", status, "profile", profile)
                    .serviceLevelObjectives(COST_BUCKETS)
                    .register(registry)
                    .record(job.costUsd());
        }
    }

    /** Records the latency of one HTTP request. */
    @Override
    public void requestCompleted(String method, String route, int status, Duration elapsed) {
        requestTimers
                .computeIfAbsent(new RequestKey(method, route, status), this::requestTimer)
                .record(elapsed);
    }

    private Timer requestTimer(RequestKey key) {
        return Timer.builder("agenticore.http.requests")
                .description("HTTP request latency by route template and status")
                .tags("method", key.method(), "route", key.route(), "status", Integer.toString(key.status()))
                .serviceLevelObjectives(REQUEST_BUCKETS)
                .register(registry);
    }

    /** Returns every metric in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    private static double count(JobStore store, JobStatus status) {
        try {
            return store.count(status);
        } catch (RuntimeException e) {
            log.debug("Counting {} jobs for metrics failed: {}", status.wireName(), e.toString());
            return Double.NaN;
        }
    }

    private static double read(IntSupplier supplier) {
        try {
            return supplier.getAsInt();
        } catch (RuntimeException e) {
            log.debug("Reading a job gauge for metrics failed: {}", e.toString());
            return Double.NaN;
        }
    }
}
