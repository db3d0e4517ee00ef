package dev.agenticore.app.cli;

import static dev.agenticore.app.cli.TextFormat.instant;
import static dev.agenticore.app.cli.TextFormat.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** Text forms of jobs in the wire format: a table row per job, or every field of one job. */
public final class JobView {
    private JobView() {}

    /** Prints a table of jobs, newest first as the server sorts them, or a line saying there are none. */
    public static void printTable(JsonNode jobs, Instant now, PrintWriter out) {
        if (jobs.isEmpty()) {
            out.println("No jobs.");
            out.flush();
            return;
        }
        Table table = new Table()
                .column("ID", 36)
                .column("STATUS", 9)
                .column("PROFILE", 12)
                .column("CREATED", 8)
                .column("DURATION", 8)
                .column("TASK", 60);
        for (JsonNode job : jobs) {
            table.row(
                    text(job, "id"),
                    text(job, "status"),
                    text(job, "profile"),
                    TextFormat.ago(instant(job, "created_at"), now),
                    duration(job, now),
                    text(job, "task"));
        }
        table.print(out);
    }

    /** Prints every field of a job that has a value, with times in ISO 8601 and relative to now. */
    public static void printDetails(JsonNode job, Instant now, PrintWriter out) {
        Details details = new Details()
                .add("ID", text(job, "id"))
                .add("Status", text(job, "status"))
                .add("Task", text(job, "task"))
                .add("Repository", text(job, "repo_url"))
                .add("Base ref", text(job, "base_ref"))
                .add("Branch", text(job, "branch"))
                .add("Profile", text(job, "profile"))
                .add("Created", time(job, "created_at", now))
                .add("Started", time(job, "started_at", now))
                .add("Ended", time(job, "ended_at", now))
                .add("Duration", duration(job, now))
                .add("Cost", cost(job))
                .add("Turns", text(job, "num_turns"))
                .add("Exit code", text(job, "exit_code"))
                .add("Session", text(job, "session_id"))
                .add("Worktree", text(job, "worktree_path"))
                .add("Worktree ID", text(job, "worktree_id"))
                .add("Node", text(job, "pod_name"))
                .add("Pull request", text(job, "pr_url"))
                .add("Error", text(job, "error"))
                .add("Output", text(job, "output"));
        details.print(out);
    }

    /** Returns the job's cost in dollars, or empty before the agent reports one. */
    public static String cost(JsonNode job) {
        JsonNode cost = job.path("cost_usd");
        return cost.isNumber() ? TextFormat.dollars(cost.asDouble()) : "";
    }

    /** Returns how long the job ran, up to now while it runs, or empty before it starts. */
    public static String duration(JsonNode job, Instant now) {
        Instant started = instant(job, "started_at");
        if (started == null) {
            return "";
        }
        Instant ended = instant(job, "ended_at");
        return TextFormat.elapsed(Duration.between(started, ended == null ? now : ended));
    }

    private static String time(JsonNode job, String field, Instant now) {
        Instant value = instant(job, field);
        return value == null ? "" : text(job, field) + " (" + TextFormat.ago(value, now) + ")";
    }
}
