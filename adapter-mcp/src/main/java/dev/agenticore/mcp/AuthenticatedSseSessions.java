package dev.agenticore.mcp;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids of the HTTP+SSE sessions whose event stream was opened with a valid API key. A message posted
 * to {@link McpEndpoints#MESSAGE_PATH} for such a session needs no key of its own, because the
 * {@code endpoint} event names a URL without one; the session id is a random UUID that only the
 * stream's reader learns. An id is removed when its stream ends.
 */
final class AuthenticatedSseSessions {
    private static final Pattern SESSION_ID = Pattern.compile("sessionId=([^&\\s]+)");
    /** Characters of the stream searched for the endpoint event, which the SDK writes first. */
    private static final int SEARCH_LIMIT = 1024;

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /** Returns whether the id belongs to an open stream that was opened with a valid key. */
    boolean contains(String sessionId) {
        return sessionId != null && ids.contains(sessionId);
    }

    /**
     * Returns a response that records the session id from the stream's {@code endpoint} event. It
     * records the id while the SDK writes the event, before the client can read it.
     */
    HttpServletResponse recording(HttpServletResponse response) {
        return new RecordingResponse(response);
    }

    /**
     * Removes the recorded id once the stream ends. Call it after the servlet returned; an id whose
     * stream never started or already ended is removed at once.
     */
    void forgetWhenClosed(HttpServletRequest request, HttpServletResponse recording) {
        String id = ((RecordingResponse) recording).sessionId();
        if (id == null) {
            return;
        }
        if (!request.isAsyncStarted()) {
            ids.remove(id);
            return;
        }
        try {
            request.getAsyncContext().addListener(new Forget(id));
        } catch (IllegalStateException e) {
            // The stream completed between the check and the call.
            ids.remove(id);
        }
    }

    private final class RecordingResponse extends HttpServletResponseWrapper {
        private final StringBuilder head = new StringBuilder();
        private volatile String sessionId;
        private PrintWriter writer;

        RecordingResponse(HttpServletResponse response) {
            super(response);
        }

        String sessionId() {
            return sessionId;
        }

        @Override
        public synchronized PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new Recorder(super.getWriter()));
            }
            return writer;
        }

        /** Passes every character on, and searches the first ones for the session id. */
        private final class Recorder extends Writer {
            private final PrintWriter target;

            Recorder(PrintWriter target) {
                this.target = target;
            }

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                if (sessionId == null && head.length() < SEARCH_LIMIT) {
                    head.append(chars, offset, Math.min(length, SEARCH_LIMIT - head.length()));
                    // The SDK ends the endpoint event with a blank line.
                    int end = head.indexOf("\n\n");
                    Matcher matcher = SESSION_ID.matcher(end < 0 ? "" : head.substring(0, end));
                    if (matcher.find()) {
                        sessionId = matcher.group(1);
                        ids.add(sessionId);
                    }
                }
                target.write(chars, offset, length);
            }

            /**
             * Flushes, and reports a failed write as an exception: the servlet container's writer only
             * keeps an error flag, which the SDK reads through the outer writer to notice a client that
             * went away.
             */
            @Override
            public void flush() throws IOException {
                if (target.checkError()) {
                    throw new IOException("writing the SSE stream failed; the client has likely disconnected");
                }
            }

            @Override
            public void close() throws IOException {
                target.close();
            }
        }
    }

    private final class Forget implements AsyncListener {
        private final String id;

        Forget(String id) {
            this.id = id;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            ids.remove(id);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            ids.remove(id);
        }

        @Override
        public void onError(AsyncEvent event) {
            ids.remove(id);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // The stream goes on; the id stays.
        }
    }
}
