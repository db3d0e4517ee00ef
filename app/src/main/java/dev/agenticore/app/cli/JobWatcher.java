package dev.agenticore.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Follows a job's event stream ({@code GET /jobs/{id}/events}) until its {@code end} event. When
 * the stream breaks or ends early, the watcher reconnects with {@code Last-Event-ID} set to the
 * last event it received, so no event is lost or repeated, waiting twice as long after each failed
 * attempt. Not thread-safe.
 *
 * <p>NOTE: a connection that stays open but silent (a half-open TCP connection) is not detected,
 * because the JDK client has no read timeout for streamed bodies; the server's keep-alive comments
 * only keep proxies from closing the stream.
 */
public final class JobWatcher {
    /** Consecutive failed connection attempts after which the watcher gives up. */
    static final int MAX_ATTEMPTS = 12;

    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);

    private final ApiClient client;
    private final PrintWriter err;
    private final Duration firstRetryDelay;
    private long lastEventId;
    private int failures;

    /** Creates a watcher that reports reconnections on {@code err}. */
    public JobWatcher(ApiClient client, PrintWriter err, Duration firstRetryDelay) {
        this.client = client;
        this.err = err;
        this.firstRetryDelay = firstRetryDelay;
    }

    /**
     * Passes each event's {@code data} to {@code onEvent} until the job ends.
     *
     * @return the terminal status named by the {@code end} event
     * @throws CliException when the server rejects the request, or after {@link #MAX_ATTEMPTS}
     *     failed attempts in a row
     */
    public String follow(String jobId, Consumer<JsonNode> onEvent) throws InterruptedException {
        String path = "/jobs/" + ClientCommand.segment("JOB_ID", jobId) + "/events";
        Duration delay = firstRetryDelay;
        while (true) {
            String reason;
            try {
                String status = readStream(path, onEvent);
                if (status != null) {
                    return status;
                }
                reason = "the server closed the stream before the job ended";
            } catch (IOException e) {
                reason = client.networkFailure("GET", path, Duration.ZERO, e).getMessage();
            }
            failures++;
            if (failures >= MAX_ATTEMPTS) {
                throw CliException.failure("lost the event stream of job " + jobId + " after " + failures
                        + " attempts: " + reason + "; the job continues on the server, follow it with `agenticore job "
                        + jobId + "`");
            }
            err.println("Event stream of job " + jobId + " dropped (" + reason + "); reconnecting in "
                    + delay.toMillis() + " ms after event " + lastEventId);
            err.flush();
            Thread.sleep(delay.toMillis());
            delay = delay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay.multipliedBy(2);
        }
    }

    /** Reads one connection's events; returns the end status, or null when the stream ended first. */
    private String readStream(String path, Consumer<JsonNode> onEvent) throws IOException, InterruptedException {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<InputStream> response = client.openEventStream(path, lastEventId, requestId);
        try (EventStreamReader reader = new EventStreamReader(response.body())) {
            if (response.statusCode() != 200) {
                rejectResponse(path, response, reader.remainingText(4096), requestId);
            }
            ServerSentEvent event;
            while ((event = reader.next()) != null) {
                JsonNode data = parse(event.data());
                if (event.type().equals("end")) {
                    return data.path("status").asText("unknown");
                }
                if (event.id() != null) {
                    lastEventId = Long.parseLong(event.id());
                }
                failures = 0;
                onEvent.accept(data);
            }
            return null;
        } catch (NumberFormatException e) {
            throw CliException.failure("the event stream at " + path + " sent an event id that is not a number: "
                    + e.getMessage() + "; check that AGENTICORE_URL points at an Agenticore server");
        }
    }

    /**
     * Throws {@link CliException} for a status that a retry cannot fix, such as 401 or 404, and
     * {@link IOException} for a 5xx status, which the caller retries because a restart may fix it.
     */
    private static void rejectResponse(String path, HttpResponse<InputStream> response, String text, String requestId)
            throws IOException {
        ApiResponse failed = new ApiResponse(
                "GET",
                path,
                response.statusCode(),
                text,
                ApiClient.parseJson(text),
                requestId,
                response.headers().firstValue("Retry-After"));
        if (response.statusCode() >= 500) {
            throw new IOException("HTTP " + response.statusCode() + ": " + failed.serverError());
        }
        throw failed.failure("");
    }

    private static JsonNode parse(String data) {
        JsonNode node = ApiClient.parseJson(data);
        return node == null ? MissingNode.getInstance() : node;
    }
}
