package dev.agenticore.testkit.anthropic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension for tests that run the real Claude Code CLI: before each test it finds the pinned
 * binary (skipping the test when there is none), starts a {@link ScriptedAnthropicApi} and creates
 * a fresh {@code HOME}; after the test it stops the API and deletes the directory. Tests receive a
 * {@link ClaudeCodeExtension.Setup} parameter.
 */
public final class ClaudeCodeExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ClaudeCodeExtension.class);

    /**
     * What a test gets.
     *
     * @param binary the CLI binary
     * @param model the scripted model the CLI talks to
     * @param home a fresh home directory for the CLI
     */
    public record Setup(Path binary, ScriptedAnthropicApi model, Path home) {
        /** Returns the complete environment for a CLI process, as {@link ClaudeCodeCli#environment} builds it. */
        public Map<String, String> environment() {
            return ClaudeCodeCli.environment(model.baseUrl(), home);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path binary = ClaudeCodeCli.binaryOrSkip();
        Path home = Files.createTempDirectory("claude-home");
        context.getStore(NAMESPACE).put(Setup.class, new Setup(binary, new ScriptedAnthropicApi().start(), home));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Setup setup = context.getStore(NAMESPACE).remove(Setup.class, Setup.class);
        if (setup != null) {
            setup.model().close();
            deleteTree(setup.home());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Setup.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Setup.class, Setup.class);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
