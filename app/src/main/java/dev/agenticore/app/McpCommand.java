package dev.agenticore.app;

import dev.agenticore.mcp.McpStdioServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agenticore mcp}: serves the MCP tools over standard input and output, running jobs in this
 * process. Standard output carries only the protocol; logs go to standard error.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "mcp",
        description = "Serve the MCP tools over stdio, for AI clients that start Agenticore themselves.")
final class McpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", description = "YAML configuration file (default: $AGENTICORE_HOME/config.yml).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig serverConfig;
        try {
            serverConfig = ServerConfig.load(System.getenv(), config);
        } catch (ConfigException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("Error: invalid configuration: " + e.getMessage());
            return 2;
        }
        try (AgenticoreServer server = AgenticoreServer.create(serverConfig).startWithoutHttp()) {
            McpStdioServer.run(server.mcpTools());
        }
        return 0;
    }
}
