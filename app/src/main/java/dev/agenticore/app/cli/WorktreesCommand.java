package dev.agenticore.app.cli;

import static dev.agenticore.app.cli.TextFormat.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agenticore worktrees}: prepares, lists, shows and removes git worktrees on the server. */
@Command(
        name = "worktrees",
        description = "Prepare, list, show and clean up the server's git worktrees.",
        subcommands = {
            WorktreesCommand.Prepare.class,
            WorktreesCommand.ListWorktrees.class,
            WorktreesCommand.Get.class,
            WorktreesCommand.Cleanup.class
        })
public final class WorktreesCommand implements Callable<Integer> {
    /** How long preparing or removing worktrees may take; a first clone of a large repository is slow. */
    static final Duration SLOW_TIMEOUT = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Error: missing subcommand; use one of prepare, list, get, cleanup");
        spec.commandLine().getErr().flush();
        return CliException.USAGE;
    }

    /** {@code agenticore worktrees prepare <repo-url>}: clones or updates a repository and adds a worktree. */
    @Command(
            name = "prepare",
            description = "Check out a repository into a new worktree that a later job can use with --worktree-id.")
    public static final class Prepare extends ClientCommand {
        @Parameters(paramLabel = "REPO_URL", description = "Repository URL, for example https://github.com/org/repo.")
        String repoUrl;

        @Option(names = "--base-ref", paramLabel = "REF", description = "Branch to start from (default: main).")
        String baseRef;

        @Override
        protected int execute() throws InterruptedException {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("repo_url", repoUrl);
            if (baseRef != null) {
                request.put("base_ref", baseRef);
            }
            JsonNode body = fetch(client().post("/worktrees", request, SLOW_TIMEOUT));
            if (!json()) {
                printWorktree(body.path("worktree"), out());
            }
            return 0;
        }
    }

    /** {@code agenticore worktrees list}: lists the worktrees on disk. */
    @Command(name = "list", description = "List the worktrees on the server's disk with age, size and push state.")
    public static final class ListWorktrees extends ClientCommand {
        @Override
        protected int execute() throws InterruptedException {
            JsonNode worktrees = fetch(client().get("/worktrees")).path("worktrees");
            if (json()) {
                return 0;
            }
            if (worktrees.isEmpty()) {
                out().println("No worktrees.");
                out().flush();
                return 0;
            }
            Table table = new Table()
                    .column("ID", 36)
                    .column("STATUS", 9)
                    .column("BRANCH", 32)
                    .column("AGE", 6)
                    .column("SIZE", 10)
                    .column("PUSHED", 6)
                    .column("PATH", 80);
            for (JsonNode worktree : worktrees) {
                table.row(
                        text(worktree, "worktree_id").isEmpty() ? "-" : text(worktree, "worktree_id"),
                        text(worktree, "status"),
                        text(worktree, "branch"),
                        text(worktree, "age_hours") + "h",
                        worktree.path("size_bytes").isNumber()
                                ? TextFormat.bytes(worktree.get("size_bytes").asLong())
                                : "",
                        worktree.path("pushed").asBoolean() ? "yes" : "no",
                        text(worktree, "path"));
            }
            table.print(out());
            return 0;
        }
    }

    /** {@code agenticore worktrees get <id>}: shows one worktree record. */
    @Command(name = "get", description = "Show one prepared worktree.")
    public static final class Get extends ClientCommand {
        @Parameters(paramLabel = "WORKTREE_ID", description = "ID of the worktree.")
        String worktreeId;

        @Override
        protected int execute() throws InterruptedException {
            JsonNode body = fetch(client().get("/worktrees/" + segment("WORKTREE_ID", worktreeId)));
            if (!json()) {
                printWorktree(body.path("worktree"), out());
            }
            return 0;
        }
    }

    /** {@code agenticore worktrees cleanup}: removes worktrees by path or by age. */
    @Command(name = "cleanup", description = "Remove worktrees by path, by age, or both.")
    public static final class Cleanup extends ClientCommand {
        @Option(names = "--path", paramLabel = "PATH", description = "Worktree directory to remove; repeatable.")
        List<String> paths = new ArrayList<>();

        @Option(
                names = "--max-age-hours",
                paramLabel = "N",
                description = "Also remove every worktree at least N hours old.")
        Integer maxAgeHours;

        @Override
        protected int execute() throws InterruptedException {
            if (maxAgeHours != null && maxAgeHours < 1) {
                throw CliException.usage("--max-age-hours must be 1 or more, got " + maxAgeHours);
            }
            if (paths.isEmpty() && maxAgeHours == null) {
                throw CliException.usage("nothing to remove; give --path PATH or --max-age-hours N");
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("paths", paths);
            request.put("max_age_hours", maxAgeHours == null ? 0 : maxAgeHours);
            ApiResponse response = client().post("/worktrees/cleanup", request, SLOW_TIMEOUT);
            JsonNode body = fetch(response);
            if (!json()) {
                printRemovals(body);
            }
            return checkRemovals(body, response.requestId());
        }

        private void printRemovals(JsonNode body) {
            JsonNode results = body.path("results");
            for (JsonNode result : results) {
                if (result.path("success").asBoolean()) {
                    out().println("Removed " + text(result, "path"));
                } else {
                    out().println("Failed  " + text(result, "path") + ": " + text(result, "error"));
                }
            }
            out().println("Removed " + text(body, "removed") + " of " + results.size() + " worktrees.");
            out().flush();
        }

        private static int checkRemovals(JsonNode body, String requestId) {
            int failed = body.path("results").size() - body.path("removed").asInt();
            if (failed > 0) {
                throw CliException.failure("could not remove " + failed + " of "
                        + body.path("results").size() + " worktrees; the lines above give each reason (request id "
                        + requestId + ")");
            }
            return 0;
        }
    }

    static void printWorktree(JsonNode worktree, java.io.PrintWriter out) {
        new Details()
                .add("ID", text(worktree, "worktree_id"))
                .add("Status", text(worktree, "status"))
                .add("Repository", text(worktree, "repo_url"))
                .add("Base ref", text(worktree, "base_ref"))
                .add("Branch", text(worktree, "branch"))
                .add("Path", text(worktree, "path"))
                .add("On disk", onDisk(worktree))
                .add("Created", createdAt(worktree))
                .add("Job", text(worktree, "job_id"))
                .add("Error", text(worktree, "error"))
                .print(out);
    }

    /**
     * Returns the disk state that {@code GET /worktrees/{id}} reports, such as {@code 12.0 KiB, 1.5h
     * old, pushed}, or empty for responses without it, such as that of {@code POST /worktrees}.
     */
    private static String onDisk(JsonNode worktree) {
        if (!worktree.path("exists").isBoolean()) {
            return "";
        }
        if (!worktree.get("exists").asBoolean()) {
            return "no, the directory is gone";
        }
        return TextFormat.bytes(worktree.path("size_bytes").asLong()) + ", " + text(worktree, "age_hours") + "h old, "
                + (worktree.path("pushed").asBoolean() ? "pushed" : "not pushed");
    }

    private static String createdAt(JsonNode worktree) {
        Instant created = TextFormat.instant(worktree, "created_at");
        return created == null
                ? ""
                : text(worktree, "created_at") + " (" + TextFormat.ago(created, Instant.now()) + ")";
    }
}
