package dev.agenticore.app.cli;

import static dev.agenticore.app.cli.TextFormat.text;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code agenticore cancel <id>}: cancels a job. */
@Command(name = "cancel", description = "Cancel a job: a queued one at once, a running one by stopping its agent.")
public final class CancelCommand extends ClientCommand {
    @Parameters(paramLabel = "JOB_ID", description = "ID of the job.")
    String jobId;

    @Override
    protected int execute() throws InterruptedException {
        JsonNode job =
                fetch(client().delete("/jobs/" + segment("JOB_ID", jobId))).path("job");
        if (!json()) {
            String status = text(job, "status");
            if (status.equals("cancelled")) {
                out().println("Cancelled job " + text(job, "id") + ".");
            } else {
                out().println("Job " + text(job, "id") + " had already ended as " + status + "; nothing to cancel.");
            }
            out().flush();
        }
        return 0;
    }
}
