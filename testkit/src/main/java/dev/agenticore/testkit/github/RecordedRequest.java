package dev.agenticore.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request received by {@link FakeGitHubApi}, recorded before authentication, so rejected requests
 * appear too.
 *
 * @param method HTTP method, for example {@code POST}
 * @param path request path without the fake's path prefix and without the query, for example
 *     {@code /repos/acme/widgets/pulls}
 * @param query raw query string without the {@code ?}, or an empty string
 * @param headers request headers with lower-case names
 * @param body parsed JSON body, or a {@code MissingNode} when the body is empty or not JSON
 * @param endpoint the matched endpoint, or empty when no route matched
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        JsonNode body,
        Optional<Endpoint> endpoint) {

    /** Copies the header map so the record stays immutable. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** Returns the first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.stream().findFirst();
    }

    /** Returns the text of a top-level body field, or an empty string when it is missing. */
    public String bodyText(String field) {
        return body.path(field).asText("");
    }
}
