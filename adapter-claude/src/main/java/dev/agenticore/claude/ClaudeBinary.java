package dev.agenticore.claude;

import dev.agenticore.core.agent.AgentStartException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Finds the Claude Code executable. Stateless and thread-safe. */
final class ClaudeBinary {
    static final String INSTALL_HINT = "install it with `npm install -g @anthropic-ai/claude-code`"
            + " or set AGENTICORE_CLAUDE_BINARY to the path of the claude executable";

    private ClaudeBinary() {}

    /**
     * Resolves {@code binary} to an executable file: a value with a slash is used as a path, and a
     * bare name is searched in the {@code PATH} of the agent's {@code environment}.
     *
     * @return the absolute path of the executable
     * @throws AgentStartException naming the binary and how to install it, when none is found
     */
    static Path resolve(String binary, Map<String, String> environment) {
        try {
            if (binary.contains(File.separator)) {
                Path path = Path.of(binary).toAbsolutePath();
                if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                    return path;
                }
                throw notFound(binary, "is not an executable file");
            }
            String searchPath = environment.getOrDefault("PATH", "");
            for (String directory : searchPath.split(File.pathSeparator)) {
                if (directory.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(directory, binary).toAbsolutePath();
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        } catch (InvalidPathException e) {
            throw notFound(binary, "is not a valid path");
        }
        throw notFound(binary, "was not found on the PATH");
    }

    /** Returns the exception for an executable that failed to start with {@code cause}. */
    static AgentStartException notStartable(String binary, Exception cause) {
        return new AgentStartException(
                "Claude Code executable " + binary + " could not be started (" + cause.getMessage() + "): "
                        + INSTALL_HINT,
                cause);
    }

    private static AgentStartException notFound(String binary, String problem) {
        return new AgentStartException("Claude Code executable " + binary + " " + problem + ": " + INSTALL_HINT);
    }
}
