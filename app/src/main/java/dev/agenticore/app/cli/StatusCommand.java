package dev.agenticore.app.cli;

import static dev.agenticore.app.cli.TextFormat.text;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code agenticore status}: shows the server's health. */
@Command(name = "status", description = "Show whether the server is up, its version and how many jobs run and wait.")
public final class StatusCommand extends ClientCommand {
    @Override
    protected int execute() throws InterruptedException {
        JsonNode health = fetch(client().get("/health"));
        if (!json()) {
            new Details()
                    .add("Server", client().baseUrl().toString())
                    .add("Status", text(health, "status"))
                    .add("Version", text(health, "version"))
                    .add("Node", text(health, "node"))
                    .add("Store", text(health, "store"))
                    .add("Running jobs", text(health, "running"))
                    .add("Queued jobs", text(health, "queued"))
                    .add("Parallel limit", text(health, "max_parallel_jobs"))
                    .print(out());
        }
        String status = text(health, "status");
        if (!status.equals("ok")) {
            throw CliException.failure(
                    "the server at " + client().baseUrl() + " reports status '" + status + "'; check its log");
        }
        return 0;
    }
}
