package dev.agenticore.mcp;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A response that holds back every error status the MCP servlet sets, and the body written after
 * it, so that {@link McpProtocolFilter} can send a JSON-RPC error in their place. Successful
 * responses, including event streams, pass straight through.
 */
final class ErrorCapturingResponse extends HttpServletResponseWrapper {
    /** Largest part of a held-back body that is kept, for the log. */
    private static final int CAPTURE_LIMIT = 4096;

    private final BoundedBuffer captured = new BoundedBuffer();
    private int errorStatus;
    private PrintWriter capturedWriter;

    ErrorCapturingResponse(HttpServletResponse response) {
        super(response);
    }

    /** Returns the held-back error status, or 0 when the servlet set none. */
    int errorStatus() {
        return errorStatus;
    }

    /** Returns the start of the body the servlet wrote with its error status, decoded as UTF-8. */
    String capturedBody() {
        if (capturedWriter != null) {
            capturedWriter.flush();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void setStatus(int status) {
        if (status >= 400) {
            errorStatus = status;
        } else {
            super.setStatus(status);
        }
    }

    @Override
    public void sendError(int status) {
        errorStatus = status;
    }

    @Override
    public void sendError(int status, String message) {
        errorStatus = status;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (errorStatus == 0) {
            return super.getWriter();
        }
        if (capturedWriter == null) {
            capturedWriter = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8));
        }
        return capturedWriter;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (errorStatus == 0) {
            return super.getOutputStream();
        }
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("error bodies are written blocking");
            }
        };
    }

    @Override
    public void flushBuffer() throws IOException {
        if (errorStatus == 0) {
            super.flushBuffer();
        }
    }

    /** Keeps the first {@link #CAPTURE_LIMIT} bytes and drops the rest. */
    private static final class BoundedBuffer extends ByteArrayOutputStream {
        @Override
        public synchronized void write(int b) {
            if (count < CAPTURE_LIMIT) {
                super.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int kept = Math.min(length, CAPTURE_LIMIT - count);
            if (kept > 0) {
                super.write(bytes, offset, kept);
            }
        }
    }
}
