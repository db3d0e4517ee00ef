package dev.agenticore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stand-in scripts for the Claude Code CLI. {@code quick} prints an init line and a success result
 * at once. A task containing {@code sleep} sleeps until stopped; one containing {@code ticks}
 * prints 200 lines with Python, each holding the epoch time in nanoseconds at which it was printed,
 * 20 ms apart.
 */
final class StandIn {
    private static final String SCRIPT = """
            #!/bin/sh
            task=""
            while [ $# -gt 0 ]; do
              if [ "$1" = "--" ]; then shift; task="$1"; break; fi
              shift
            done
            echo '{"type":"system","subtype":"init","session_id":"stand-in","model":"stand-in"}'
            case "$task" in
              *sleep*) sleep 600 & wait $! ;;
              *ticks*) python3 -c 'import time
            for i in range(200):
                print("tick %d" % time.time_ns(), flush=True)
                time.sleep(0.02)' ;;
            esac
            echo '{"type":"result","subtype":"success","is_error":false,"result":"done","session_id":"stand-in","num_turns":1,"duration_ms":1,"total_cost_usd":0}'
            """;

    private StandIn() {}

    static Path install(Path directory) throws IOException {
        Path script = directory.resolve("stand-in-claude");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
