package dev.agenticore.mcp;

/**
 * Runs the stdio MCP server over {@link InMemoryServices}, for the Node.js clients that the tests
 * start as a child process with {@code java -cp <test class path>}.
 */
public final class StdioTestServer {
    private StdioTestServer() {}

    /** Serves until standard input ends. */
    public static void main(String[] args) throws Exception {
        try (InMemoryServices services = InMemoryServices.quick()) {
            McpStdioServer.run(services.tools);
        }
    }
}
