package dev.agenticore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What every benchmark needs: a work directory, the fat jar and the environment of a server. */
record Bench(Path work, Path jar, Path log) {

    /** Returns a fresh directory under the work directory. */
    Path directory(String name) throws IOException {
        return Files.createDirectories(work.resolve(name));
    }

    /** Returns a server environment with its own home and the stand-in CLI. */
    Map<String, String> standInServer(String name, Map<String, String> extra) throws IOException {
        Path home = directory(name);
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("AGENTICORE_HOME", home.toString());
        environment.put("AGENTICORE_REPOS_ROOT", home.resolve("repos").toString());
        environment.put("AGENTICORE_CLAUDE_BINARY", StandIn.install(home).toString());
        environment.put("AGENTICORE_LOG_LEVEL", "WARN");
        environment.putIfAbsent("AGENTICORE_DRAIN_TIMEOUT", "1");
        return environment;
    }

    static String millis(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", value);
    }

    static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
