package dev.agenticore.core.job;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks repository URLs before any git command sees them. Accepted forms are {@code https://},
 * {@code http://} and {@code ssh://} URLs with a host, the scp-like {@code git@host:path}, and
 * {@code file://} URLs when local repositories are allowed.
 */
public final class RepositoryUrls {
    private static final int MAX_LENGTH = 2048;
    private static final Pattern SCP_LIKE =
            Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._~/-][A-Za-z0-9._~/+-]*");

    private RepositoryUrls() {}

    /**
     * Explains why a URL is not accepted.
     *
     * @param allowFileUrls whether {@code file://} URLs are accepted
     * @return the reason with the fix, or empty when the URL is accepted
     */
    public static Optional<String> problem(String url, boolean allowFileUrls) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        if (url.startsWith("-") || url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return Optional.of("it starts with '-' or contains white space or control characters");
        }
        if (SCP_LIKE.matcher(url).matches() && !url.contains("://")) {
            return Optional.empty();
        }
        return schemeProblem(url, allowFileUrls);
    }

    private static Optional<String> schemeProblem(String url, boolean allowFileUrls) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("it is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https", "http", "ssh" -> {
                if (uri.getHost() == null
                        || uri.getPath() == null
                        || uri.getPath().length() <= 1) {
                    return Optional.of("it needs a host and a repository path");
                }
                return Optional.empty();
            }
            case "file" -> {
                if (!allowFileUrls) {
                    return Optional.of("file:// URLs are disabled; set AGENTICORE_ALLOW_FILE_URLS=true to allow them");
                }
                return uri.getPath() == null || uri.getPath().isEmpty()
                        ? Optional.of("it needs a path")
                        : Optional.empty();
            }
            default -> {
                return Optional.of("use an https://, http://, ssh:// or git@host:path URL");
            }
        }
    }
}
