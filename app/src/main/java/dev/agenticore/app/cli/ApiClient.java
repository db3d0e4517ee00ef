package dev.agenticore.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Sends requests to one Agenticore server. Every request carries a fresh {@code X-Request-Id} and,
 * when a key is set, {@code X-Api-Key}. Network failures become {@link CliException}s that name the
 * server and the fix. Thread-safe.
 */
public final class ApiClient {
    /** How long a request may wait for a connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How long an ordinary request may wait for its response. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUrl;
    private final String apiKey;
    private final HttpClient http;

    /**
     * Creates a client.
     *
     * @param baseUrl server URL without a trailing slash, for example {@code http://127.0.0.1:8200}
     * @param apiKey key sent as {@code X-Api-Key}, or null or empty to send none
     */
    public ApiClient(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey == null ? "" : apiKey;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Returns the server URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Sends {@code GET path}. */
    public ApiResponse get(String path) throws InterruptedException {
        return send("GET", path, null, REQUEST_TIMEOUT);
    }

    /** Sends {@code DELETE path}. */
    public ApiResponse delete(String path) throws InterruptedException {
        return send("DELETE", path, null, REQUEST_TIMEOUT);
    }

    /** Sends {@code POST path} with {@code body} written as JSON, waiting at most {@code timeout}. */
    public ApiResponse post(String path, Object body, Duration timeout) throws InterruptedException {
        return send("POST", path, body, timeout);
    }

    /**
     * Sends a request and returns the response whatever its status.
     *
     * @throws CliException when the server cannot be reached or does not respond in time
     */
    public ApiResponse send(String method, String path, Object body, Duration timeout) throws InterruptedException {
        String requestId = UUID.randomUUID().toString();
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
        HttpRequest request = request(path, requestId)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(
                    method,
                    path,
                    response.statusCode(),
                    response.body(),
                    parseJson(response.body()),
                    requestId,
                    response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            throw networkFailure(method, path, timeout, e);
        }
    }

    /**
     * Opens {@code GET path} as a stream of server-sent events, with no response timeout because
     * the server keeps the stream open for as long as the job runs.
     *
     * @param lastEventId sequence number of the last event seen, or 0 to start at the first event
     * @throws IOException when the server cannot be reached; the caller decides whether to retry
     */
    public HttpResponse<InputStream> openEventStream(String path, long lastEventId, String requestId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, requestId).header("Accept", "text/event-stream");
        if (lastEventId > 0) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Returns the message of a request that never got a response, with what to do about it. */
    public CliException networkFailure(String method, String path, Duration timeout, IOException e) {
        String server = "the server at " + baseUrl;
        if (e instanceof HttpConnectTimeoutException) {
            return CliException.failure("cannot reach " + server + ": connection timed out after "
                    + CONNECT_TIMEOUT.toSeconds() + " s; check the host and port in AGENTICORE_URL or --url");
        }
        if (e instanceof HttpTimeoutException) {
            return CliException.failure(method + " " + path + " timed out after " + timeout.toSeconds() + " s at "
                    + server + "; retry, or check the server log");
        }
        if (e instanceof ConnectException) {
            return CliException.failure("cannot reach " + server + ": " + chainMessage(e, "connection refused")
                    + "; start it with `agenticore serve` or set AGENTICORE_URL");
        }
        return CliException.failure(method + " " + path + " to " + server + " failed: "
                + chainMessage(e, e.getClass().getSimpleName()));
    }

    private HttpRequest.Builder request(String path, String requestId) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-Request-Id", requestId);
        if (!apiKey.isEmpty()) {
            builder.header("X-Api-Key", apiKey);
        }
        return builder;
    }

    /** Parses JSON text, or returns null when it is empty or not JSON. */
    static JsonNode parseJson(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Returns the first message in the cause chain, starting in lower case, or {@code fallback}.
     * The JDK 17 client throws a {@link ConnectException} for a refused connection with no message
     * anywhere in the chain.
     */
    private static String chainMessage(Throwable e, String fallback) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank()) {
                return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return fallback;
    }
}
