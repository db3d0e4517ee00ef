package dev.agenticore.app.cli;

import static dev.agenticore.app.cli.TextFormat.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * The {@code --wait} part of {@code run}: prints a submitted job's events as they arrive, then its
 * outcome, and returns exit code 0 only for a job that succeeded. Not thread-safe.
 */
public final class RunFollower {
    private final ApiClient client;
    private final JobWatcher watcher;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    /** Creates a follower; with {@code json} it prints only the final job as the server returns it. */
    public RunFollower(ApiClient client, JobWatcher watcher, PrintWriter out, PrintWriter err, boolean json) {
        this.client = client;
        this.watcher = watcher;
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /**
     * Follows the job until it ends and prints the outcome.
     *
     * @param job the job as the submission returned it
     * @return 0 when the job succeeded
     * @throws CliException when the job failed, was cancelled or expired, or the server cannot be reached
     */
    public int follow(JsonNode job) throws InterruptedException {
        String id = text(job, "id");
        Instant submittedAt = TextFormat.instant(job, "created_at");
        EventPrinter printer = new EventPrinter(out, submittedAt == null ? Instant.now() : submittedAt);
        if (!json) {
            out.println(
                    "Submitted job " + id + "; following its events. Ctrl-C stops watching, the job keeps running.");
            out.flush();
        }
        Thread notice = new Thread(() -> printInterruptNotice(id), "agenticore-watch-interrupted");
        Runtime.getRuntime().addShutdownHook(notice);
        try {
            watcher.follow(id, data -> {
                if (!json) {
                    printer.print(data);
                }
            });
        } finally {
            removeHook(notice);
        }
        ApiResponse response = client.get("/jobs/" + ClientCommand.segment("JOB_ID", id));
        if (json) {
            new JsonPrinter(out).print(response);
        }
        return report(response.requireSuccess().path("job"));
    }

    /** Returns the notice printed when the user stops watching with Ctrl-C. */
    static String interruptNotice(String jobId) {
        return "Stopped watching job " + jobId + "; it continues on the server. Follow it with `agenticore job " + jobId
                + "`, cancel it with `agenticore cancel " + jobId + "`.";
    }

    private void printInterruptNotice(String jobId) {
        err.println();
        err.println(interruptNotice(jobId));
        err.flush();
    }

    private int report(JsonNode job) {
        String id = text(job, "id");
        String status = text(job, "status");
        if (!json) {
            out.println("Job " + id + " " + status + ".");
            new Details()
                    .add("Duration", JobView.duration(job, Instant.now()))
                    .add("Cost", JobView.cost(job))
                    .add("Pull request", text(job, "pr_url"))
                    .add("Output", text(job, "output"))
                    .add("Error", text(job, "error"))
                    .print(out);
        }
        if (status.equals("succeeded")) {
            return 0;
        }
        String error =
                text(job, "error").isBlank() ? "no error was recorded" : TextFormat.truncate(text(job, "error"), 300);
        throw CliException.failure(
                "job " + id + " " + status + ": " + error + "; `agenticore job " + id + "` shows the whole record");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down, for example after Ctrl-C, and the hook prints the notice.
        }
    }
}
