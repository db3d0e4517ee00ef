package dev.agenticore.rest;

import java.time.Duration;

/** Receives every completed HTTP request that Javalin routed, for example to record its latency. */
@FunctionalInterface
public interface RequestListener {

    /**
     * Receives one completed request. Called on the request's thread after the response was
     * written, so implementations must be quick and thread-safe. Exceptions are logged and ignored.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param route the matched route template, such as {@code /jobs/{job_id}}, or {@code unmatched}
     *     when no route matched; never the raw path, so the set of values stays small
     * @param status the response status code
     * @param elapsed time from the start of the request to the end of its handlers
     */
    void requestCompleted(String method, String route, int status, Duration elapsed);
}
