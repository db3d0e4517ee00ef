package dev.agenticore.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agenticore sync}: requests that the server refresh its hooks, bundle or hub content. */
@Command(
        name = "sync",
        description = "Ask the server to refresh its agentihooks, bundle or agentihub content (POST /admin/sync).")
public final class SyncCommand extends ClientCommand {
    /** How long the server may take to finish a sync. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** The targets that {@code --target} accepts. */
    static final class Targets implements Iterable<String> {
        static final List<String> NAMES = List.of("all", "agentihooks", "bundle", "agentihub");

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    @Option(
            names = "--target",
            paramLabel = "TARGET",
            defaultValue = "all",
            completionCandidates = Targets.class,
            description = "What to refresh: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String target;

    @Override
    protected int execute() throws InterruptedException {
        if (!Targets.NAMES.contains(target)) {
            throw CliException.usage(
                    "invalid --target '" + target + "'; expected one of " + String.join(", ", Targets.NAMES));
        }
        ApiResponse response = client().post("/admin/sync?target=" + target, Map.of(), TIMEOUT);
        if (json()) {
            printJson(response);
        }
        if (response.status() == 404 || response.status() == 405) {
            throw response.failure(
                    "this server has no sync endpoint; upgrade it to a version that provides POST /admin/sync");
        }
        JsonNode body = response.requireSuccess();
        if (!json()) {
            printFields(body);
        }
        return 0;
    }

    private void printFields(JsonNode body) {
        Details details = new Details().add("Target", target);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!field.getKey().equals("success")) {
                JsonNode value = field.getValue();
                details.add(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        }
        details.print(out());
    }
}
