package dev.agenticore.app.cli;

import static dev.agenticore.app.cli.TextFormat.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code agenticore profiles}: lists the execution profiles. */
@Command(name = "profiles", description = "List the execution profiles a job can run under.")
public final class ProfilesCommand extends ClientCommand {
    @Override
    protected int execute() throws InterruptedException {
        JsonNode profiles = fetch(client().get("/profiles")).path("profiles");
        if (json()) {
            return 0;
        }
        if (profiles.isEmpty()) {
            out().println("No profiles.");
            out().flush();
            return 0;
        }
        Table table = new Table()
                .column("NAME", 20)
                .column("MODEL", 16)
                .column("MAX TURNS", 9)
                .column("AUTO PR", 7)
                .column("TIMEOUT", 8)
                .column("DESCRIPTION", 60);
        for (JsonNode profile : profiles) {
            table.row(
                    text(profile, "name"),
                    text(profile, "model"),
                    text(profile, "max_turns"),
                    profile.path("auto_pr").asBoolean() ? "yes" : "no",
                    timeout(profile),
                    text(profile, "description"));
        }
        table.print(out());
        return 0;
    }

    private static String timeout(JsonNode profile) {
        JsonNode seconds = profile.path("timeout_seconds");
        return seconds.isNumber() ? TextFormat.elapsed(Duration.ofSeconds(seconds.asLong())) : "";
    }
}
