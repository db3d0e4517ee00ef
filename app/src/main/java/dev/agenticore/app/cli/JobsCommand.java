package dev.agenticore.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agenticore jobs}: lists recent jobs. */
@Command(name = "jobs", description = "List recent jobs, newest first.")
public final class JobsCommand extends ClientCommand {
    /** The job states that {@code --status} accepts. */
    static final class StatusNames implements Iterable<String> {
        private static final List<String> NAMES =
                List.of("queued", "running", "succeeded", "failed", "cancelled", "expired");

        @Override
        public Iterator<String> iterator() {
            return new ArrayList<>(NAMES).iterator();
        }
    }

    @Option(names = "--limit", paramLabel = "N", description = "Maximum number of jobs to list (default: 20).")
    Integer limit;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            completionCandidates = StatusNames.class,
            description = "List only jobs in this state: ${COMPLETION-CANDIDATES}.")
    String status;

    @Override
    protected int execute() throws InterruptedException {
        StringBuilder query = new StringBuilder();
        if (limit != null) {
            if (limit < 1) {
                throw CliException.usage("--limit must be 1 or more, got " + limit);
            }
            query.append("limit=").append(limit);
        }
        if (status != null) {
            if (!StatusNames.NAMES.contains(status)) {
                throw CliException.usage(
                        "invalid --status '" + status + "'; expected one of " + String.join(", ", StatusNames.NAMES));
            }
            query.append(query.isEmpty() ? "" : "&").append("status=").append(status);
        }
        String path = query.isEmpty() ? "/jobs" : "/jobs?" + query;
        JsonNode body = fetch(client().get(path));
        if (!json()) {
            JobView.printTable(body.path("jobs"), Instant.now(), out());
        }
        return 0;
    }
}
