package dev.agenticore.rest;

import dev.agenticore.json.Json;
import dev.agenticore.json.ResponseBodies;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's handler for errors that happen before a route runs (a malformed URI, a request line or
 * header over the limit): it responds with the same JSON envelope as the routes instead of an HTML
 * page, and never with a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    JsonErrorHandler() {
        setShowStacks(false);
    }

    /** Returns true, so every method gets a JSON body, not only GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // Jetty drops the connection after a request it could not route, so clients must not reuse it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (isTimeout(cause)) {
            response.setStatus(HttpStatus.REQUEST_TIMEOUT_408);
            response.write(true, ByteBuffer.wrap(timeoutBody()), callback);
            return;
        }
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** Returns whether a failure came from the idle timeout, such as a body shorter than its Content-Length. */
    private static boolean isTimeout(Throwable cause) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static byte[] timeoutBody() {
        String text = "the request body did not arrive in full before the connection's idle timeout; send a"
                + " Content-Length that matches the body";
        return Json.write(ResponseBodies.error(text)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] body(int code, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        String text = "the request was rejected before it reached a route (" + code + " " + reason
                + "); check the URL, the header sizes and the encoding";
        return Json.write(ResponseBodies.error(text)).getBytes(StandardCharsets.UTF_8);
    }
}
