package dev.agenticore.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shell script standing in for the Claude Code CLI in cluster tests. Each run appends {@code
 * <job id> <node>} to an invocation file, prints an init line, then either sleeps for five minutes
 * when the task contains {@code hold-on}, or finishes after {@code FAKE_CLAUDE_SECONDS}.
 */
final class CountingStandIn {
    private static final String SCRIPT = """
            #!/bin/sh
            job=$(printf '%s\\n' "$@" | grep -o 'Job: [0-9a-f-]*' | head -n 1 | cut -c6-)
            echo "$job $NODE_LABEL" >> "$FAKE_CLAUDE_INVOCATIONS"
            echo '{"type":"system","subtype":"init","session_id":"s-1","model":"stand-in"}'
            case "$*" in
              *hold-on*) exec sleep 300 ;;
            esac
            sleep "${FAKE_CLAUDE_SECONDS:-0.5}"
            echo '{"type":"result","subtype":"success","is_error":false,"result":"finished","session_id":"s-1","num_turns":1,"duration_ms":5,"total_cost_usd":0}'
            """;

    private final Path script;
    private final Path invocations;

    private CountingStandIn(Path script, Path invocations) {
        this.script = script;
        this.invocations = invocations;
    }

    /** Writes the script and an empty invocation file into a directory. */
    static CountingStandIn create(Path directory) throws IOException {
        Path script = directory.resolve("fake-claude");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path invocations = Files.createFile(directory.resolve("invocations.txt"));
        return new CountingStandIn(script, invocations);
    }

    /** Returns the environment of a node named {@code node} that runs this stand-in. */
    Map<String, String> environment(Path home, String node) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AGENTICORE_HOME", home.toString());
        environment.put("AGENTICORE_CLAUDE_BINARY", script.toString());
        environment.put("AGENTICORE_POD_NAME", node);
        environment.put("NODE_LABEL", node);
        environment.put("FAKE_CLAUDE_INVOCATIONS", invocations.toString());
        return environment;
    }

    /** Returns how many times the stand-in ran for each job id. */
    Map<String, Integer> runsPerJob() throws IOException {
        Map<String, Integer> runs = new HashMap<>();
        for (String line : lines()) {
            runs.merge(line.split(" ")[0], 1, Integer::sum);
        }
        return runs;
    }

    /** Returns the lines {@code <job id> <node>} written so far. */
    List<String> lines() throws IOException {
        return Files.readAllLines(invocations).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }
}
