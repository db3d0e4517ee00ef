package dev.agenticore.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the client's newline-delimited JSON-RPC messages, replies to each invalid line with a JSON-RPC
 * error and passes the valid ones on to the SDK's stdio transport. The SDK 2.2.0 transport stops
 * reading at the first line it cannot parse, so no invalid line may reach it.
 *
 * <p>Errors go to the same output stream as the SDK's messages, written under a lock on that stream
 * as the SDK writes its own, so a message is never split by another.
 */
final class StdioLineFilter implements Runnable {
    /** Longest accepted line in bytes, the same as the SDK transport's default limit (16 MiB). */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(StdioLineFilter.class);

    private final InputStream in;
    private final OutputStream sdkInput;
    private final OutputStream out;

    /**
     * @param in the client's messages
     * @param sdkInput where valid lines go, one per line; closed when {@code in} ends
     * @param out the protocol output, shared with the SDK transport
     */
    StdioLineFilter(InputStream in, OutputStream sdkInput, OutputStream out) {
        this.in = in;
        this.sdkInput = sdkInput;
        this.out = out;
    }

    @Override
    public void run() {
        try (OutputStream lines = sdkInput) {
            copyLines(lines);
        } catch (IOException e) {
            log.warn("Stopped reading MCP messages from standard input: {}", e.toString());
        }
    }

    private void copyLines(OutputStream lines) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] != '\n') {
                    continue;
                }
                tooLong |= !append(line, buffer, start, i - start);
                handle(line, tooLong, lines);
                line.reset();
                tooLong = false;
                start = i + 1;
            }
            tooLong |= !append(line, buffer, start, read - start);
        }
        if (line.size() > 0 || tooLong) {
            handle(line, tooLong, lines);
        }
    }

    /** Appends bytes unless the line would grow past the limit; returns false when they were dropped. */
    private static boolean append(ByteArrayOutputStream line, byte[] bytes, int offset, int length) {
        if ((long) line.size() + length > MAX_LINE_BYTES) {
            return false;
        }
        line.write(bytes, offset, length);
        return true;
    }

    private void handle(ByteArrayOutputStream line, boolean tooLong, OutputStream lines) throws IOException {
        if (tooLong) {
            log.warn("Rejected an MCP message line longer than {} bytes", MAX_LINE_BYTES);
            reply(JsonRpcMessages.errorBody(
                    null,
                    McpSchema.ErrorCodes.INVALID_REQUEST,
                    "the line is longer than " + MAX_LINE_BYTES + " bytes; send smaller messages"));
            return;
        }
        String text;
        try {
            text = decodeUtf8(line.toByteArray()).strip();
        } catch (CharacterCodingException e) {
            log.warn("Rejected an MCP message line that is not valid UTF-8");
            reply(JsonRpcMessages.errorBody(
                    null, McpSchema.ErrorCodes.PARSE_ERROR, "the line is not valid UTF-8; send JSON encoded as UTF-8"));
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        try {
            JsonRpcMessages.check(text);
        } catch (JsonRpcMessages.InvalidMessageException e) {
            log.warn("Rejected an MCP message line with JSON-RPC error {}: {}", e.code(), e.getMessage());
            reply(e.errorBody());
            return;
        }
        lines.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        lines.flush();
    }

    private void reply(String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
