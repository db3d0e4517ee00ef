package dev.agenticore.app;

import dev.agenticore.claude.ClaudeCodeSettings;
import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentEventListener;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentRun;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.testkit.anthropic.ClaudeCodeCli;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.ScriptedAnthropicApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The assembled server in agent mode with the real Claude Code CLI against a scripted model on
 * loopback. The agent runner records when each text delta left the CLI's output reader.
 */
final class AgentModeHarness implements AutoCloseable {
    static final String MODEL_NAME = "anton-agent";

    final ScriptedAnthropicApi model;
    final AgenticoreServer server;
    final List<Instant> textDeltaTimes = new CopyOnWriteArrayList<>();

    AgentModeHarness(ClaudeCodeExtension.Setup claude, Path home, Map<String, String> settings) throws IOException {
        this.model = claude.model();
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("AGENTICORE_HOME", home.toString());
        environment.put("AGENTICORE_PORT", "0");
        environment.put("AGENTICORE_REPOS_ROOT", home.resolve("repos").toString());
        environment.put("AGENT_MODE", "true");
        environment.put("AGENT_MODE_PACKAGE_DIR", agentPackage(home).toString());
        environment.put("AGENT_MODE_MODEL_NAME", MODEL_NAME);
        environment.put("AGENT_MODE_AGENT_ID", "anton");
        environment.putIfAbsent("AGENT_MODE_KEEPALIVE_INTERVAL", "1");
        ServerConfig config = ServerConfig.load(environment, null);
        ClaudeCodeSettings configured = config.claude();
        config = config.withClaude(new ClaudeCodeSettings(
                claude.binary().toString(),
                configured.deniedEnvironment(),
                ClaudeCodeCli.environment(model.baseUrl(), claude.home()),
                configured.otel(),
                Duration.ofSeconds(2),
                configured.defaultMcpConfig()));
        Adapters base = Adapters.forConfig(config);
        Adapters adapters = new Adapters(
                base.jobStore(),
                base.eventLog(),
                base.worktreeStore(),
                base.profiles(),
                new RecordingRunner(base.agentRunner(), textDeltaTimes),
                base.git(),
                base.codeHost());
        server = AgenticoreServer.create(config, adapters).start();
    }

    /** Returns the OpenAI base URL of the server. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** Writes the agent package once per home: system prompt, instructions and empty MCP servers. */
    static Path agentPackage(Path home) throws IOException {
        Path directory = home.resolve("anton-package");
        if (Files.isDirectory(directory)) {
            return directory;
        }
        Files.createDirectories(directory.resolve(".claude"));
        Files.writeString(directory.resolve("system.md"), "You are Anton, the test agent.\n");
        Files.writeString(directory.resolve("CLAUDE.md"), "Answer briefly.\n");
        Files.writeString(directory.resolve(".mcp.json"), "{\"mcpServers\": {}}\n");
        return directory;
    }

    @Override
    public void close() {
        server.close();
    }

    /** Passes runs on and records the time each text delta reaches the server. */
    private record RecordingRunner(AgentRunner delegate, List<Instant> times) implements AgentRunner {
        @Override
        public AgentRun start(AgentInvocation invocation, AgentEventListener listener) {
            return delegate.start(invocation, event -> {
                if (event instanceof AgentEvent.TextDelta) {
                    times.add(Instant.now());
                }
                listener.onEvent(event);
            });
        }
    }
}
