package dev.agenticore.github;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of {@link GitHubCodeHost}. Blank strings count as unset. {@link #toString()} prints whether the token
 * and the private key are set, never their values.
 *
 * @param apiUrl REST API base URL without a trailing slash ({@code GITHUB_API_URL}), for example
 *     {@code https://api.github.com} or {@code https://github.example.com/api/v3} for GitHub Enterprise Server
 * @param token static token ({@code GITHUB_TOKEN}), or null
 * @param appId GitHub App id ({@code GITHUB_APP_ID}), or null
 * @param installationId numeric id of the App's installation ({@code GITHUB_APP_INSTALLATION_ID}), or null
 * @param privateKeyPem the App's RSA private key as PKCS#8 or PKCS#1 PEM text, or null
 * @param requestTimeout timeout of each HTTP request
 */
public record GitHubSettings(
        String apiUrl,
        String token,
        String appId,
        String installationId,
        String privateKeyPem,
        Duration requestTimeout) {

    /** API base URL of github.com. */
    public static final String DEFAULT_API_URL = "https://api.github.com";

    /** Default timeout of each HTTP request: 30 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Normalizes blank strings to null, applies the defaults for a null URL or timeout, and validates.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL, the installation id is not
     *     a number, or the timeout is not positive
     */
    public GitHubSettings {
        apiUrl = normalizeApiUrl(blankToNull(apiUrl));
        token = blankToNull(token);
        appId = blankToNull(appId);
        installationId = blankToNull(installationId);
        privateKeyPem = blankToNull(privateKeyPem);
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (installationId != null && !installationId.matches("[0-9]+")) {
            throw new IllegalArgumentException("GITHUB_APP_INSTALLATION_ID must be a number, got " + installationId);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("GitHub request timeout must be positive, got " + requestTimeout);
        }
    }

    /** Returns settings for github.com with only a static token, or none when {@code token} is null. */
    public static GitHubSettings withToken(String token) {
        return new GitHubSettings(DEFAULT_API_URL, token, null, null, null, null);
    }

    /**
     * Reads the settings from environment variables: {@code GITHUB_API_URL}, {@code GITHUB_TOKEN},
     * {@code GITHUB_APP_ID}, {@code GITHUB_APP_INSTALLATION_ID} and the private key as resolved by
     * {@link #privateKeyFromEnvironment}.
     *
     * @throws IllegalArgumentException naming the variable that is invalid
     */
    public static GitHubSettings fromEnvironment(Map<String, String> environment) {
        return new GitHubSettings(
                environment.get("GITHUB_API_URL"),
                environment.get("GITHUB_TOKEN"),
                environment.get("GITHUB_APP_ID"),
                environment.get("GITHUB_APP_INSTALLATION_ID"),
                privateKeyFromEnvironment(environment).orElse(null),
                null);
    }

    /**
     * Resolves the App's private key PEM from the first set variable of {@code GITHUB_APP_PRIVATE_KEY_PATH} (a file
     * with PEM text), {@code GITHUB_APP_PRIVATE_KEY} (PEM text starting with {@code -----}) and
     * {@code GITHUB_APP_PRIVATE_KEY_BASE64} (base64 of the PEM text).
     *
     * @return the PEM text, or empty when none of the three is set
     * @throws IllegalArgumentException when the file cannot be read, the value is not PEM or not valid base64
     */
    public static Optional<String> privateKeyFromEnvironment(Map<String, String> environment) {
        String path = blankToNull(environment.get("GITHUB_APP_PRIVATE_KEY_PATH"));
        if (path != null) {
            return Optional.of(requirePem("GITHUB_APP_PRIVATE_KEY_PATH file " + path, readFile(path)));
        }
        String pem = blankToNull(environment.get("GITHUB_APP_PRIVATE_KEY"));
        if (pem != null) {
            if (!pem.strip().startsWith("-----")) {
                throw new IllegalArgumentException("GITHUB_APP_PRIVATE_KEY must be PEM text starting with -----BEGIN;"
                        + " put a base64-encoded key in GITHUB_APP_PRIVATE_KEY_BASE64 instead");
            }
            return Optional.of(pem);
        }
        String base64 = blankToNull(environment.get("GITHUB_APP_PRIVATE_KEY_BASE64"));
        if (base64 != null) {
            return Optional.of(requirePem("GITHUB_APP_PRIVATE_KEY_BASE64", decodeBase64(base64)));
        }
        return Optional.empty();
    }

    /** Returns whether the App id, installation id and private key are all set. */
    public boolean appConfigured() {
        return appId != null && installationId != null && privateKeyPem != null;
    }

    /** Describes the settings without the token or the private key. */
    @Override
    public String toString() {
        return "GitHubSettings[apiUrl=" + apiUrl + ", token=" + (token == null ? "unset" : "set") + ", appId=" + appId
                + ", installationId=" + installationId + ", privateKey=" + (privateKeyPem == null ? "unset" : "set")
                + ", requestTimeout=" + requestTimeout + "]";
    }

    private static String normalizeApiUrl(String url) {
        if (url == null) {
            return DEFAULT_API_URL;
        }
        String trimmed = url.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getQuery() != null) {
                throw new IllegalArgumentException(
                        "GITHUB_API_URL must be an http or https URL such as " + DEFAULT_API_URL + ", got " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("GITHUB_API_URL is not a valid URL: " + url, e);
        }
        return trimmed;
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "GITHUB_APP_PRIVATE_KEY_PATH file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String decodeBase64(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64.replaceAll("\\s+", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "GITHUB_APP_PRIVATE_KEY_BASE64 is not valid base64: " + e.getMessage(), e);
        }
    }

    /** Checks that the text looks like PEM, without repeating any of it in the error. */
    private static String requirePem(String source, String text) {
        if (!text.strip().startsWith("-----BEGIN")) {
            throw new IllegalArgumentException(source + " does not contain PEM text starting with -----BEGIN");
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
