package dev.agenticore.core.job;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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
    private static final Pattern SCP_LIKE_PARTS = Pattern.compile("(?:[^@/:]+@)?([^@/:]+):(.+)");

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

    /**
     * Returns the URL with scheme and host in lower case, without user info, query, fragment, trailing
     * {@code /} or {@code .git}. The scp-like {@code git@host:path} becomes {@code ssh://host/path}, and
     * a URL without a scheme gets {@code file://}.
     *
     * @throws IllegalArgumentException when the URL cannot be parsed
     */
    public static String normalize(String url) {
        String trimmed = url.strip();
        Matcher scp = SCP_LIKE_PARTS.matcher(trimmed);
        if (!trimmed.contains("://") && scp.matches()) {
            trimmed = "ssh://" + scp.group(1) + "/" + scp.group(2);
        }

        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid repository URL: " + e.getReason(), e);
        }

        String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return scheme + "://" + host + port + stripSuffixes(uri.getPath() == null ? "" : uri.getPath());
    }

    /**
     * Returns whether two URLs name the same repository after {@link #normalize}, so that {@code
     * …/repo}, {@code …/repo.git} and {@code git@host:owner/repo} match their {@code https://} or
     * {@code ssh://} forms where host and path agree.
     *
     * @throws IllegalArgumentException when a URL cannot be parsed
     */
    public static boolean sameRepository(String first, String second) {
        return normalize(first).equals(normalize(second));
    }

    private static String stripSuffixes(String path) {
        String result = stripTrailingSlashes(path);
        if (result.endsWith(".git")) {
            result = result.substring(0, result.length() - ".git".length());
        }
        return stripTrailingSlashes(result);
    }

    private static String stripTrailingSlashes(String path) {
        String result = path;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
