package dev.agenticore.claude;

import dev.agenticore.core.agent.AgentEventListener;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentRun;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.agent.AgentStartException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Claude Code CLI headless with {@code --output-format stream-json} and turns its output
 * into agent events. The profile's configuration is written into the invocation's configuration
 * directory and passed by flags, so nothing is written into the working directory.
 *
 * <p>Thread-safe: each {@link #start} is independent of the others.
 */
public final class ClaudeCodeRunner implements AgentRunner {
    private static final Logger log = LoggerFactory.getLogger(ClaudeCodeRunner.class);

    private final ClaudeCodeSettings settings;
    private final Map<String, String> serverEnvironment;
    private final Clock clock;
    private final ConfigMaterializer materializer;

    /** Creates a runner that passes on this server's environment and uses the system clock. */
    public ClaudeCodeRunner(ClaudeCodeSettings settings) {
        this(settings, System.getenv(), Clock.systemUTC());
    }

    /**
     * Creates a runner.
     *
     * @param settings how to start Claude Code
     * @param serverEnvironment the environment that agents inherit, before the deny list applies
     * @param clock source of {@link AgentRun#lastActivity()} times
     * @throws NullPointerException when an argument is null
     */
    public ClaudeCodeRunner(ClaudeCodeSettings settings, Map<String, String> serverEnvironment, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.serverEnvironment =
                Map.copyOf(Objects.requireNonNull(serverEnvironment, "serverEnvironment must not be null"));
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.materializer = new ConfigMaterializer(settings.defaultMcpConfig());
    }

    /**
     * Writes the profile configuration, then starts Claude Code in the working directory with
     * standard input closed.
     *
     * @throws AgentStartException when the executable is missing or cannot be started, the working
     *     directory does not exist, or the profile or MCP configuration cannot be materialized
     */
    @Override
    public AgentRun start(AgentInvocation invocation, AgentEventListener listener) {
        Objects.requireNonNull(invocation, "invocation must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        if (!Files.isDirectory(invocation.workingDirectory())) {
            throw new AgentStartException("working directory " + invocation.workingDirectory() + " does not exist");
        }
        Map<String, String> environment = ClaudeEnvironment.build(serverEnvironment, settings, invocation);
        Path executable = ClaudeBinary.resolve(settings.binary(), environment);
        MaterializedConfig config = materializer.materialize(invocation);
        try {
            SessionFiles.prepareResume(invocation.sessionId(), invocation.workingDirectory(), environment);
        } catch (java.io.UncheckedIOException e) {
            throw new AgentStartException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
        List<String> command = ClaudeCommandLine.render(executable.toString(), invocation, config);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(invocation.workingDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw ClaudeBinary.notStartable(settings.binary(), e);
        }
        log.info(
                "Run {}: started Claude Code {} (pid {}) in {} with profile {}",
                invocation.runId(),
                executable,
                process.pid(),
                invocation.workingDirectory(),
                invocation.profile().name());
        return ClaudeProcessRun.attach(invocation.runId(), process, listener, clock, settings.gracePeriod());
    }
}
