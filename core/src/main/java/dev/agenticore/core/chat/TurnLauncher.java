package dev.agenticore.core.chat;

import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentRun;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.agent.AgentStartException;
import dev.agenticore.core.agent.RunOptions;
import dev.agenticore.core.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the agent for one turn in the agent package: the package's {@code system.md} is appended
 * to the system prompt unless the turn replaces the prompt, and the package's {@code .mcp.json}
 * joins the profile's MCP servers. Each run gets a configuration directory of its own, deleted when
 * the run ends. Thread-safe.
 */
final class TurnLauncher {
    private static final Logger log = LoggerFactory.getLogger(TurnLauncher.class);

    private final AgentModeSettings settings;
    private final AgentRunner runner;

    TurnLauncher(AgentModeSettings settings, AgentRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    /**
     * The run of one turn.
     *
     * @param runId id of the run, a safe file name
     * @param prompt the message for the agent
     * @param profile how the agent runs
     * @param resumeSessionId session to resume, or empty
     * @param options streaming, session and prompt choices
     * @param timeout longest run time
     * @param visibility what the turn shows besides text
     */
    record Plan(
            String runId,
            String prompt,
            Profile profile,
            String resumeSessionId,
            RunOptions options,
            Duration timeout,
            StreamSettings visibility) {}

    /**
     * Starts the agent.
     *
     * @param onSession called with the session id when the agent reports one
     * @param onEnd called once with the result when the run has ended
     * @throws AgentStartException when the agent cannot be started; {@code onEnd} is then not called
     */
    AgentTurn start(Plan plan, Consumer<String> onSession, Consumer<TurnResult> onEnd) {
        Path configDirectory = settings.runsDirectory().resolve(plan.runId());
        createDirectory(configDirectory);
        AgentTurn turn = new AgentTurn(plan.runId(), plan.visibility(), onSession);
        AgentRun run;
        try {
            run = runner.start(invocation(plan, configDirectory), turn::onEvent);
        } catch (RuntimeException e) {
            deleteTree(configDirectory);
            throw e;
        }
        turn.attach(run, plan.timeout(), result -> {
            deleteTree(configDirectory);
            onEnd.accept(result);
        });
        return turn;
    }

    private AgentInvocation invocation(Plan plan, Path configDirectory) {
        RunOptions options = plan.options();
        if (options.systemPrompt().isEmpty()) {
            options = new RunOptions(
                    options.partialMessages(),
                    options.newSessionId(),
                    options.persistSession(),
                    "",
                    packageSystemPrompt(),
                    options.disabledMcpServers());
        }
        Path mcpFile = settings.packageDirectory().resolve(AgentModeSettings.MCP_FILE);
        return new AgentInvocation(
                plan.runId(),
                plan.prompt(),
                plan.profile(),
                settings.packageDirectory(),
                configDirectory,
                plan.resumeSessionId(),
                Map.of(),
                Files.isRegularFile(mcpFile) ? List.of(mcpFile) : List.of(),
                Map.of(),
                options);
    }

    /** Reads {@code system.md} on every run, so an edited package applies without a restart. */
    private String packageSystemPrompt() {
        Path file = settings.packageDirectory().resolve(AgentModeSettings.SYSTEM_PROMPT_FILE);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AgentStartException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new AgentStartException("cannot create the run directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot delete the run directory {}: {}", root, e.toString());
        }
    }
}
