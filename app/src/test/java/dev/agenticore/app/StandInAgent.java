package dev.agenticore.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A shell script that stands in for the Claude Code CLI: it prints an init line, then acts on the
 * task it is given. A task containing {@code sleep} sleeps in a child process until it is
 * stopped; one containing {@code fail} prints an error result and exits 1; any other task prints a
 * success result at once.
 */
final class StandInAgent {
    private static final String SCRIPT = """
            #!/bin/sh
            task=""
            while [ $# -gt 0 ]; do
              if [ "$1" = "--" ]; then shift; task="$1"; break; fi
              shift
            done
            echo '{"type":"system","subtype":"init","session_id":"stand-in","model":"stand-in"}'
            case "$task" in
              *sleep*) sleep 300 & wait $! ;;
              *fail*) echo '{"type":"result","subtype":"success","is_error":true,"result":"stand-in failure","session_id":"stand-in","num_turns":1,"duration_ms":1,"total_cost_usd":0}'; exit 1 ;;
              *) echo '{"type":"result","subtype":"success","is_error":false,"result":"stand-in done","session_id":"stand-in","num_turns":1,"duration_ms":1,"total_cost_usd":0}' ;;
            esac
            """;

    private StandInAgent() {}

    /** Writes the script into {@code directory} and returns its path. */
    static Path install(Path directory) throws IOException {
        Path script = directory.resolve("stand-in-claude");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
