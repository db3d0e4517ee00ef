package dev.agenticore.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code agenticore job <id>}: shows one job. */
@Command(name = "job", description = "Show one job with its output or error.")
public final class JobCommand extends ClientCommand {
    @Parameters(paramLabel = "JOB_ID", description = "ID of the job.")
    String jobId;

    @Override
    protected int execute() throws InterruptedException {
        JsonNode body = fetch(client().get("/jobs/" + segment("JOB_ID", jobId)));
        if (!json()) {
            JobView.printDetails(body.path("job"), Instant.now(), out());
        }
        return 0;
    }
}
