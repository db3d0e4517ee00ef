package dev.agenticore.rest;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Request ids: the {@code X-Request-Id} a client sends is kept when it is 1 to 128 printable ASCII
 * characters, otherwise a random UUID replaces it. The id is returned in the response header and
 * stored in the SLF4J MDC under {@link #MDC_KEY} while the request's handlers run on its thread.
 */
final class RequestIds {
    /** Header that carries the id in both directions. */
    static final String HEADER = "X-Request-Id";

    /** MDC key of the id, so every log line of a request's handlers can show it. */
    static final String MDC_KEY = "request_id";

    /** Longest id accepted from a client. */
    static final int MAX_LENGTH = 128;

    private static final String ATTRIBUTE = "agenticore.requestId";

    private RequestIds() {}

    /** Picks the request's id, sets the response header and the MDC entry. */
    static void assign(Context ctx) {
        String presented = ctx.header(HEADER);
        String id = isValid(presented) ? presented : randomId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /**
     * Returns a random version 4 UUID. A request id needs no secure randomness, and {@link
     * UUID#randomUUID()} draws from one shared SecureRandom, which takes a lock on every call with Linux's default NativePRNG.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Returns the id assigned to the request, or null when {@link #assign} has not run. */
    static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /** Returns whether a client's id may be kept: 1 to 128 characters from space to tilde. */
    static boolean isValid(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            return false;
        }
        return id.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
