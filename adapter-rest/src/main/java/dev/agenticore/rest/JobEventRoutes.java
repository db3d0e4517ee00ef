package dev.agenticore.rest;

import dev.agenticore.core.event.JobEvent;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobService;
import dev.agenticore.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /jobs/{job_id}/events}: the job's events as server-sent events, first those logged so
 * far, then live ones until the job ends. Each event carries its sequence number as the SSE id, so
 * a client that reconnects with {@code Last-Event-ID} (or {@code ?after=}) continues after it. A
 * comment line keeps the connection open while the agent is quiet; a final {@code end} event holds
 * the job's terminal state.
 */
public final class JobEventRoutes implements RouteGroup {
    private static final Logger log = LoggerFactory.getLogger(JobEventRoutes.class);
    private static final int BATCH = 200;

    private final JobService jobs;
    private final JobEventFeed feed;
    private final Duration keepAliveInterval;
    private final StreamLimiter streams;

    /** Creates the route with a limit of 200 open streams. */
    public JobEventRoutes(JobService jobs, JobEventFeed feed, Duration keepAliveInterval) {
        this(jobs, feed, keepAliveInterval, new StreamLimiter(200));
    }

    /**
     * Creates the route.
     *
     * @param keepAliveInterval quiet time after which a comment line is sent
     * @param streams the cap on open streams, shared with other streaming routes
     */
    public JobEventRoutes(JobService jobs, JobEventFeed feed, Duration keepAliveInterval, StreamLimiter streams) {
        this.jobs = jobs;
        this.feed = feed;
        this.keepAliveInterval = keepAliveInterval;
        this.streams = streams;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/jobs/{job_id}/events", this::stream);
    }

    private void stream(Context ctx) throws IOException {
        String jobId = ctx.pathParam("job_id");
        jobs.get(jobId);
        String resumeFrom = ctx.header("Last-Event-ID") != null ? ctx.header("Last-Event-ID") : ctx.queryParam("after");
        long after = QueryParameters.longValue("Last-Event-ID", resumeFrom, 0);

        streams.acquire();
        try {
            streamAdmitted(ctx, jobId, after);
        } finally {
            streams.release();
        }
    }

    private void streamAdmitted(Context ctx, String jobId, long after) throws IOException {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        try {
            relay(jobId, after, out);
        } catch (IOException e) {
            log.debug("Event stream of job {} closed by the client", jobId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void relay(String jobId, long after, OutputStream out) throws IOException, InterruptedException {
        write(out, ": events of job " + jobId + "\n\n");
        long last = after;
        long lastWrite = System.nanoTime();
        while (true) {
            List<JobEvent> events = feed.await(jobId, last, BATCH, keepAliveInterval);
            for (JobEvent event : events) {
                write(
                        out,
                        "id: " + event.sequence() + "\nevent: " + event.event().type() + "\ndata: "
                                + Json.write(payload(event)) + "\n\n");
                last = event.sequence();
                lastWrite = System.nanoTime();
            }
            if (!events.isEmpty()) {
                continue;
            }
            Job job = jobs.get(jobId);
            if (job.status().isTerminal() && feed.read(jobId, last, 1).isEmpty()) {
                write(
                        out,
                        "event: end\ndata: "
                                + Json.write(Map.of("status", job.status().wireName())) + "\n\n");
                return;
            }
            if (System.nanoTime() - lastWrite >= keepAliveInterval.toNanos()) {
                write(out, ": keep-alive\n\n");
                lastWrite = System.nanoTime();
            }
        }
    }

    private static Map<String, Object> payload(JobEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", event.sequence());
        body.put("time", event.time());
        body.put("event", event.event());
        return body;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
