package dev.agenticore.mcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js MCP clients: {@code src/test/js/mcp-client.mjs} on the official TypeScript SDK,
 * and the MCP Inspector's CLI. Both come from npm into the repository's {@code .tools} directory,
 * where {@code scripts/test} installs them; {@code AGENTICORE_TEST_TOOLS_DIR} points elsewhere. A
 * test that needs a missing one is skipped, not failed.
 */
final class NodeClients {
    private static final long PROCESS_TIMEOUT_SECONDS = 90;

    private NodeClients() {}

    /** Returns the directory that contains {@code node_modules} with the npm test clients. */
    static Path toolsDir() {
        String configured = System.getenv("AGENTICORE_TEST_TOOLS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of("").toAbsolutePath().getParent().resolve(".tools");
    }

    /** Skips the calling test unless node and the TypeScript SDK are installed. */
    static void assumeSdkInstalled() {
        assumeNode();
        Path sdk = toolsDir().resolve("node_modules/@modelcontextprotocol/sdk/package.json");
        assumeTrue(
                Files.isRegularFile(sdk),
                "@modelcontextprotocol/sdk is not installed in " + toolsDir() + "; run scripts/test to install it");
    }

    /** Skips the calling test unless node and the MCP Inspector are installed. */
    static void assumeInspectorInstalled() {
        assumeNode();
        Path inspector = toolsDir().resolve("node_modules/@modelcontextprotocol/inspector/package.json");
        assumeTrue(
                Files.isRegularFile(inspector),
                "@modelcontextprotocol/inspector is not installed in " + toolsDir()
                        + "; run scripts/test to install it");
    }

    /** Runs the SDK client script with the given options and returns the JSON object it prints. */
    static JsonNode runSdkClient(Map<String, Object> options) throws IOException, InterruptedException {
        Map<String, Object> withTools = new LinkedHashMap<>(options);
        withTools.put("toolsDir", toolsDir().toString());
        Path script = Path.of("src/test/js/mcp-client.mjs").toAbsolutePath();
        List<String> command = List.of("node", script.toString(), Json.write(withTools));
        String stdout = run(command, Path.of("").toAbsolutePath(), Map.of());
        return Json.mapper().readTree(stdout);
    }

    /**
     * Runs {@code npx @modelcontextprotocol/inspector --cli} from the tools directory, so that npx
     * takes the installed package and never the registry, and returns the JSON that it prints.
     *
     * @param environment extra environment variables, which also reach a stdio server it starts
     */
    static JsonNode runInspector(List<String> arguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("npx", "--no", "--", "@modelcontextprotocol/inspector", "--cli"));
        command.addAll(arguments);
        return Json.mapper().readTree(run(command, toolsDir(), environment));
    }

    /** Returns the command line that starts {@link StdioTestServer} with this JVM and class path. */
    static List<String> stdioServerCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), StdioTestServer.class.getName());
    }

    private static String run(List<String> command, Path directory, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("node-client", ".stdout");
        Path stderr = Files.createTempFile("node-client", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " timed out after " + PROCESS_TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static void assumeNode() {
        boolean found;
        try {
            Process process = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            found = process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = false;
        }
        assumeTrue(found, "node is not on the PATH; install Node.js 20 or newer to run the MCP client tests");
    }
}
