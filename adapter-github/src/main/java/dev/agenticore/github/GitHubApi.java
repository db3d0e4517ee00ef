package dev.agenticore.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.agenticore.core.workspace.CodeHostException;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends JSON requests to the GitHub REST API with the JDK HTTP client. Thread-safe. */
final class GitHubApi {

    /** The REST API version this client was written against, sent as {@code X-GitHub-Api-Version}. */
    static final String API_VERSION = "2022-11-28";

    private static final Logger LOG = LoggerFactory.getLogger(GitHubApi.class);
    private static final ObjectMapper MAPPER = Json.mapper();

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient client;

    GitHubApi(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends one request and returns the response whatever its status.
     *
     * @param method {@code GET} or {@code POST}
     * @param path path and query after the base URL, starting with {@code /}
     * @param bearer token for {@code Authorization: Bearer}
     * @param body JSON body, or null for none
     * @throws CodeHostException when the request fails, times out or is interrupted. The message names the method
     *     and path but never the token
     */
    Response send(String method, String path, String bearer, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "agenticore")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : publish(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            LOG.debug("GitHub {} {} returned {}", method, path, response.statusCode());
            return new Response(response.statusCode(), parse(response.body()));
        } catch (HttpTimeoutException e) {
            throw new CodeHostException("GitHub request " + method + " " + path + " timed out after " + timeout, e);
        } catch (IOException e) {
            throw new CodeHostException("GitHub request " + method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodeHostException("GitHub request " + method + " " + path + " was interrupted", e);
        }
    }

    /** Returns the exception for an unexpected response: the action, the status and GitHub's message. */
    static CodeHostException failure(String action, Response response) {
        return new CodeHostException(
                "GitHub returned " + response.status() + " when " + action + ": " + response.message());
    }

    private static HttpRequest.BodyPublisher publish(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(Json.write(body));
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * An HTTP response from GitHub.
     *
     * @param status HTTP status code
     * @param body parsed JSON body, or a {@code MissingNode} when it is empty or not JSON
     */
    record Response(int status, JsonNode body) {

        /**
         * Returns GitHub's {@code message} followed by the {@code message} or {@code code} of each entry of
         * {@code errors}, for example {@code Validation Failed: A pull request already exists for acme:fix.}
         */
        String message() {
            String message = body.path("message").asText("");
            List<String> details = new ArrayList<>();
            for (JsonNode error : body.path("errors")) {
                String detail = error.isTextual()
                        ? error.asText()
                        : error.path("message").asText("");
                if (detail.isEmpty()) {
                    detail = error.path("code").asText("");
                }
                if (!detail.isEmpty()) {
                    details.add(detail);
                }
            }
            String joined = String.join("; ", details);
            if (message.isEmpty()) {
                return joined.isEmpty() ? "no message in the response" : joined;
            }
            return joined.isEmpty() ? message : message + ": " + joined;
        }

        /** Returns whether the status is the given one and {@link #message()} contains the text. */
        boolean is(int expectedStatus, String text) {
            return status == expectedStatus && message().contains(text);
        }
    }
}
