package dev.agenticore.rest;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The end of every routed request: one log line with method, path, redacted query, status, time and
 * request id (from the MDC, or in the line when the MDC lacks it), then the {@link RequestListener}s, then the request id leaves the MDC. Probe and scrape
 * paths log at DEBUG so that they do not flood the log; every other request logs at INFO.
 */
final class RequestLog {
    /** Route reported to listeners when no route matched, such as for a 404. */
    static final String UNMATCHED = "unmatched";

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final Set<String> QUIET_PATHS = Set.of("/health", "/metrics");

    private RequestLog() {}

    static void completed(Context ctx, Float millis, List<RequestListener> listeners) {
        try {
            write(ctx, millis);
            notify(ctx, millis, listeners);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private static void write(Context ctx, Float millis) {
        boolean quiet = QUIET_PATHS.contains(ctx.path());
        if (quiet ? !log.isDebugEnabled() : !log.isInfoEnabled()) {
            return;
        }
        String query = ApiKeyAuthentication.redactQuery(ctx.queryString());
        // The log pattern shows the MDC's request id; a line written without it names the id itself.
        String id = RequestIds.of(ctx);
        boolean idInContext = id != null && id.equals(MDC.get(RequestIds.MDC_KEY));
        String line = "{} {}{} -> {} in {} ms{}";
        Object[] arguments = {
            ctx.method(),
            ctx.path(),
            query.isEmpty() ? "" : "?" + query,
            ctx.status().getCode(),
            Math.round(millis),
            idInContext ? "" : " (request " + id + ")"
        };
        if (quiet) {
            log.debug(line, arguments);
        } else {
            log.info(line, arguments);
        }
    }

    private static void notify(Context ctx, Float millis, List<RequestListener> listeners) {
        if (listeners.isEmpty()) {
            return;
        }
        String method = ctx.method().name();
        String route = route(ctx);
        int status = ctx.status().getCode();
        Duration elapsed = Duration.ofNanos(Math.round(millis * 1_000_000.0));
        for (RequestListener listener : listeners) {
            try {
                listener.requestCompleted(method, route, status, elapsed);
            } catch (RuntimeException e) {
                log.warn("Request listener {} failed", listener.getClass().getName(), e);
            }
        }
    }

    /** Returns the matched route template, or {@link #UNMATCHED}. */
    static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null || !endpoint.method.isHttpMethod() ? UNMATCHED : endpoint.path;
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }
}
