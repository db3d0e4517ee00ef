package dev.agenticore.rest;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobService;
import dev.agenticore.json.JobRequestBody;
import dev.agenticore.json.RequestReader;
import dev.agenticore.json.ResponseBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** {@code POST /jobs}, {@code GET /jobs}, {@code GET /jobs/{job_id}} and {@code DELETE /jobs/{job_id}}. */
public final class JobRoutes implements RouteGroup {
    private final JobService jobs;
    private final JobBodyCache bodies = new JobBodyCache();

    /** Creates the routes over the job service. */
    public JobRoutes(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/jobs", this::submit);
        routes.get("/jobs", this::list);
        routes.get("/jobs/{job_id}", this::get);
        routes.delete("/jobs/{job_id}", this::cancel);
    }

    private void submit(Context ctx) {
        JobRequestBody body = RequestReader.read(ctx.bodyAsBytes(), JobRequestBody.class);
        Job job = jobs.submit(body.toRequest());
        JsonResponses.send(ctx, 200, ResponseBodies.job(job));
    }

    private void list(Context ctx) {
        List<Job> found = jobs.list(ctx.queryParam("status"), QueryParameters.optionalInt(ctx, "limit"));
        JsonResponses.send(ctx, 200, ResponseBodies.jobs(found));
    }

    private void get(Context ctx) {
        JsonResponses.sendJson(ctx, 200, bodies.body(jobs.get(ctx.pathParam("job_id"))));
    }

    private void cancel(Context ctx) {
        JsonResponses.send(ctx, 200, ResponseBodies.job(jobs.cancel(ctx.pathParam("job_id"))));
    }
}
