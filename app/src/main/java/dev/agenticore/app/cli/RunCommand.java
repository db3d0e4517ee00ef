package dev.agenticore.app.cli;

import static dev.agenticore.app.cli.TextFormat.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code agenticore run <task>}: submits a job and, with {@code --wait}, follows it to the end. */
@Command(
        name = "run",
        description = "Submit a task as a job. With --wait, print the agent's progress until the job ends.")
public final class RunCommand extends ClientCommand {
    /** Delay before the first reconnection of a dropped event stream; later ones wait longer. */
    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);

    /** Whether a repository that {@code --create-repo} creates is private. */
    static final class Visibility {
        @Option(names = "--private", required = true, description = "Create the repository as private (default).")
        boolean privateRepo;

        @Option(names = "--public", required = true, description = "Create the repository as public.")
        boolean publicRepo;
    }

    @Parameters(paramLabel = "TASK", description = "What the agent should do, in plain words.")
    String task;

    @Option(names = "--repo", paramLabel = "URL", description = "Repository to work in; a pull request follows.")
    String repoUrl;

    @Option(names = "--profile", paramLabel = "NAME", description = "Execution profile (default: the server's).")
    String profile;

    @Option(names = "--base-ref", paramLabel = "REF", description = "Branch to start from (default: main).")
    String baseRef;

    @Option(names = "--session-id", paramLabel = "ID", description = "Claude session to resume.")
    String sessionId;

    @Option(
            names = "--file-path",
            paramLabel = "PATH",
            description = ".mcp.json on the server whose MCP servers the job adds.")
    String filePath;

    @Option(
            names = "--worktree-id",
            paramLabel = "ID",
            description = "Prepared worktree to run in (see `worktrees prepare`).")
    String worktreeId;

    @Option(names = "--create-repo", description = "Create the repository when it does not exist.")
    boolean createRepo;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Visibility visibility;

    @Option(
            names = "--wait",
            description = "Follow the job's events until it ends; exit 0 only when it succeeded. "
                    + "Ctrl-C stops watching, the job keeps running.")
    boolean waitForEnd;

    @Override
    protected int execute() throws InterruptedException {
        if (task == null || task.isBlank()) {
            throw CliException.usage("TASK must not be blank; describe what the agent should do");
        }
        ApiResponse submitted = client().post("/jobs", requestBody(), ApiClient.REQUEST_TIMEOUT);
        if (!waitForEnd || !submitted.succeeded()) {
            JsonNode job = fetch(submitted).path("job");
            if (!json()) {
                String id = text(job, "id");
                out().println("Submitted job " + id + " (" + text(job, "status") + ", profile " + text(job, "profile")
                        + ").");
                out().println("Follow it with `agenticore job " + id + "`; cancel it with `agenticore cancel " + id
                        + "`.");
                out().flush();
            }
            return 0;
        }
        JsonNode job = submitted.body().path("job");
        JobWatcher watcher = new JobWatcher(client(), err(), FIRST_RETRY_DELAY);
        return new RunFollower(client(), watcher, out(), err(), json()).follow(job);
    }

    private Map<String, Object> requestBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", task);
        putIfSet(body, "repo_url", repoUrl);
        putIfSet(body, "profile", profile);
        putIfSet(body, "base_ref", baseRef);
        putIfSet(body, "session_id", sessionId);
        putIfSet(body, "file_path", filePath);
        putIfSet(body, "worktree_id", worktreeId);
        if (createRepo) {
            body.put("create_repo", true);
        }
        if (visibility != null) {
            body.put("private", visibility.privateRepo);
        }
        return body;
    }

    private static void putIfSet(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
