package dev.agenticore.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP server over standard input and output, for {@code agenticore mcp}: an MCP client starts
 * the process and speaks JSON-RPC on its stdin and stdout. Standard output carries only the
 * protocol, so the caller must send every log to standard error; {@link #run} also points {@code
 * System.out} at standard error while it serves. A line that is not a valid JSON-RPC message gets
 * a JSON-RPC error, and the lines after it are served as usual.
 */
public final class McpStdioServer {
    private static final Logger log = LoggerFactory.getLogger(McpStdioServer.class);
    /** Buffer of the pipe from {@link StdioLineFilter} to the SDK transport. */
    private static final int PIPE_BUFFER_BYTES = 64 * 1024;

    private McpStdioServer() {}

    /**
     * Serves the tools on this process's standard input and output until standard input ends.
     *
     * @throws InterruptedException when the thread is interrupted while serving
     */
    public static void run(McpTools tools) throws InterruptedException {
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        try {
            run(tools, System.in, protocolOut);
        } finally {
            System.setOut(protocolOut);
        }
    }

    /**
     * Serves the tools on the given streams until {@code in} ends.
     *
     * @throws InterruptedException when the thread is interrupted while serving
     */
    public static void run(McpTools tools, InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch inputEnded = new CountDownLatch(1);
        PipedInputStream checkedLines = new PipedInputStream(PIPE_BUFFER_BYTES);
        PipedOutputStream checkedLinesSink;
        try {
            checkedLinesSink = new PipedOutputStream(checkedLines);
        } catch (IOException e) {
            throw new UncheckedIOException("connecting a new pipe failed", e);
        }
        StdioServerTransportProvider transport = new StdioServerTransportProvider(
                McpServers.PROTOCOL_JSON,
                new EndSignallingStream(checkedLines, inputEnded),
                out,
                StdioLineFilter.MAX_LINE_BYTES);
        McpSyncServer server = McpServers.build(transport, tools);
        Thread reader = new Thread(new StdioLineFilter(in, checkedLinesSink, out), "mcp-stdio-input");
        // A daemon, so that a client that never closes stdin cannot keep the JVM alive after run returns.
        reader.setDaemon(true);
        reader.start();
        log.info("MCP server ready on standard input and output");
        try {
            inputEnded.await();
            log.info("Standard input ended; stopping the MCP server");
        } finally {
            server.closeGracefully();
        }
    }

    /** Counts a latch down when the wrapped stream ends or fails, so that the server can stop. */
    private static final class EndSignallingStream extends FilterInputStream {
        private final CountDownLatch ended;

        EndSignallingStream(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            return signalEnd(guard(super::read));
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return signalEnd(guard(() -> super.read(buffer, offset, length)));
        }

        private int signalEnd(int result) {
            if (result < 0) {
                ended.countDown();
            }
            return result;
        }

        private int guard(IoRead read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        @FunctionalInterface
        private interface IoRead {
            int read() throws IOException;
        }
    }
}
