package dev.agenticore.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code openai-client.cjs} with {@code node} and the official {@code openai} npm package that
 * {@code scripts/test} installs into {@code .tools/node_modules}. The process gets only {@code PATH}
 * and {@code NODE_PATH}, and talks to the loopback server it is given.
 */
final class OpenAiNodeClient {
    /** Version of the {@code openai} package that {@code scripts/test} installs. */
    static final String PINNED_VERSION = "7.55.0";

    private final Path script;
    private final Path nodeModules;

    private OpenAiNodeClient(Path script, Path nodeModules) {
        this.script = script;
        this.nodeModules = nodeModules;
    }

    /** Returns the client, or skips the calling test when node or the package is missing. */
    static OpenAiNodeClient orSkip() throws IOException, InterruptedException, URISyntaxException {
        Path nodeModules = repositoryRoot().resolve(".tools/node_modules");
        Assumptions.assumeTrue(
                Files.isDirectory(nodeModules.resolve("openai")),
                "the openai npm package is missing from " + nodeModules + "; run scripts/test to install openai@"
                        + PINNED_VERSION);
        Assumptions.assumeTrue(nodeRuns(), "node is not on the PATH; install Node.js 20 or later");
        Path script = Path.of(OpenAiNodeClient.class
                .getResource("/agent-mode/openai-client.cjs")
                .toURI());
        return new OpenAiNodeClient(script, nodeModules);
    }

    /** Starts a call described by {@code spec} (see the script) and returns the running process. */
    Process start(Map<String, Object> spec) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", script.toString(), Json.write(spec)));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        builder.environment().put("NODE_PATH", nodeModules.toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    /** Runs a call to its end and returns the script's JSON result. */
    JsonNode call(Map<String, Object> spec) throws IOException, InterruptedException {
        return result(start(spec));
    }

    /** Waits for a started call and returns the script's JSON result. */
    static JsonNode result(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("the openai client failed; its output: " + output);
        }
        return Json.mapper().readTree(output);
    }

    private static boolean nodeRuns() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve(".mvn"))) {
            directory = directory.getParent();
        }
        return directory == null ? Path.of("").toAbsolutePath() : directory;
    }
}
