package dev.agenticore.app.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/** Options of every client command: which server to call, with which key, and the output format. */
public final class ClientOptions {
    /** Server URL used when neither {@code --url} nor {@code AGENTICORE_URL} is set. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8200";

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "${env:AGENTICORE_URL:-" + DEFAULT_URL + "}",
            description = "Server URL (default: AGENTICORE_URL or " + DEFAULT_URL + ").")
    String url;

    // The description leaves out ${DEFAULT-VALUE}, so the help text never shows the key taken from
    // AGENTICORE_API_KEY.
    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            defaultValue = "${env:AGENTICORE_API_KEY}",
            description = "API key sent as X-Api-Key (default: AGENTICORE_API_KEY). "
                    + "Prefer the variable: other users can read command-line arguments.")
    String apiKey;

    @Option(names = "--json", description = "Print the server's JSON response, pretty-printed, instead of text.")
    boolean json;

    /** Returns a client for the configured server. */
    public ApiClient client() {
        return new ApiClient(baseUrl(), apiKey());
    }

    /** Returns whether JSON output was requested. */
    public boolean json() {
        return json;
    }

    private URI baseUrl() {
        String value = url == null ? "" : url.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalidUrl();
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalidUrl();
        }
        return uri;
    }

    private CliException invalidUrl() {
        return CliException.usage("invalid server URL '" + url
                + "' from --url or AGENTICORE_URL; expected http://HOST:PORT, for example " + DEFAULT_URL);
    }

    private String apiKey() {
        String key = apiKey == null ? "" : apiKey.strip();
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw CliException.usage(
                    "the API key from --api-key or AGENTICORE_API_KEY contains control characters; set it again without line breaks");
        }
        return key;
    }
}
