package dev.agenticore.testkit.anthropic;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the pinned Claude Code CLI for tests and builds the process environment that keeps it on loopback.
 *
 * <p>The binary comes from the environment variable {@value #BINARY_VARIABLE}, or else from
 * {@code .tools/node_modules/.bin/claude} in the repository root, where {@code scripts/test} installs
 * version {@value #PINNED_VERSION}.
 */
public final class ClaudeCodeCli {

    /** Environment variable that names the CLI binary. */
    public static final String BINARY_VARIABLE = "AGENTICORE_TEST_CLAUDE_BINARY";

    /** CLI version the tests were written against. */
    public static final String PINNED_VERSION = "2.1.197";

    private static final Path INSTALLED_BINARY = Path.of(".tools", "node_modules", ".bin", "claude");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private ClaudeCodeCli() {}

    /**
     * Returns the CLI binary from {@value #BINARY_VARIABLE}, or else from {@code .tools/node_modules/.bin/claude}
     * under the repository root, or empty when neither is an executable file.
     */
    public static Optional<Path> findBinary() {
        String configured = System.getenv(BINARY_VARIABLE);
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured).toAbsolutePath());
        }
        return repositoryRoot().map(root -> root.resolve(INSTALLED_BINARY)).filter(Files::isExecutable);
    }

    /**
     * Returns the CLI binary, or aborts the calling test through a JUnit assumption when there is none.
     *
     * @see #findBinary()
     */
    public static Path binaryOrSkip() {
        Optional<Path> binary = findBinary();
        Assumptions.assumeTrue(
                binary.isPresent(),
                () -> "Claude Code CLI not found: set " + BINARY_VARIABLE + " to the claude binary, or run"
                        + " scripts/test to install version " + PINNED_VERSION + " into .tools/");
        return binary.orElseThrow();
    }

    /**
     * Builds the complete environment for a CLI process: the fake API at {@code baseUrl}, a test API key, a
     * fresh {@code home}, no telemetry, error reporting, auto-update or other non-essential traffic, and the
     * {@code PATH} of this JVM so the CLI finds {@code node}. Use it in place of the inherited environment, so
     * no real key or endpoint of the developer reaches the CLI.
     *
     * @throws IllegalArgumentException when {@code baseUrl} does not point at 127.0.0.1, ::1 or localhost
     */
    public static Map<String, String> environment(String baseUrl, Path home) {
        requireLoopback(baseUrl);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin"));
        environment.put("ANTHROPIC_BASE_URL", baseUrl);
        environment.put("ANTHROPIC_API_KEY", "test-key");
        environment.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        environment.put("DISABLE_TELEMETRY", "1");
        environment.put("DISABLE_AUTOUPDATER", "1");
        environment.put("DISABLE_ERROR_REPORTING", "1");
        environment.put("HOME", home.toAbsolutePath().toString());
        environment.put("IS_SANDBOX", "1");
        return environment;
    }

    /**
     * Builds a process for {@code binary} with {@code arguments}, run in {@code workingDirectory} with exactly
     * the {@link #environment(String, Path)} and with standard input read from {@code /dev/null}, because the
     * CLI in print mode waits for standard input to end.
     */
    public static ProcessBuilder processBuilder(
            Path binary, Path workingDirectory, String baseUrl, Path home, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(baseUrl, home));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder;
    }

    private static void requireLoopback(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        if (host == null || !LOOPBACK_HOSTS.contains(host)) {
            throw new IllegalArgumentException(
                    "Base URL must point at 127.0.0.1, ::1 or localhost so tests stay on loopback, got " + baseUrl);
        }
    }

    /** Returns the nearest directory, from the working directory upwards, that contains {@code .mvn}. */
    private static Optional<Path> repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isDirectory(directory.resolve(".mvn"))) {
                return Optional.of(directory);
            }
            directory = directory.getParent();
        }
        return Optional.empty();
    }
}
