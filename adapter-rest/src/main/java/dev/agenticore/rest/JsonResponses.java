package dev.agenticore.rest;

import dev.agenticore.json.Json;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON bodies with Agenticore's mapper, so every route speaks the same wire format. */
final class JsonResponses {
    /** Content type of every JSON response. */
    static final String CONTENT_TYPE = "application/json";

    /**
     * Smallest body that is handed to Javalin for gzip compression, Javalin's own threshold. A smaller
     * body, or one for a client that accepts no gzip, is written straight to the servlet response,
     * which skips Javalin's stream copy.
     */
    static final int COMPRESSION_MIN_BYTES = 1500;

    private static final Logger log = LoggerFactory.getLogger(JsonResponses.class);

    private JsonResponses() {}

    static void send(Context ctx, int status, Object body) {
        sendJson(ctx, status, Json.writeBytes(body));
    }

    /** Sends a body that is already serialized JSON. */
    static void sendJson(Context ctx, int status, byte[] bytes) {
        ctx.status(status).contentType(CONTENT_TYPE);
        if (bytes.length >= COMPRESSION_MIN_BYTES && acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.result(bytes);
            return;
        }
        HttpServletResponse response = ctx.res();
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IOException e) {
            // The client closed the connection, so no one reads the response.
            log.debug("Writing a {} response to {} {} failed: {}", status, ctx.method(), ctx.path(), e.toString());
        }
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
    }
}
