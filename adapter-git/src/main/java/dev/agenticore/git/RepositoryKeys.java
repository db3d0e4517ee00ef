package dev.agenticore.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalizes repository URLs and derives the file-system-safe key of each repository's mirror. */
final class RepositoryKeys {
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/:]+@)?([^@/:]+):(.+)");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_NAME_LENGTH = 40;
    private static final int HASH_HEX_CHARS = 12;

    private RepositoryKeys() {}

    /**
     * Returns the URL with scheme and host in lower case, without user info, query, fragment, trailing
     * {@code /} or {@code .git}. The scp-like {@code git@host:path} becomes {@code ssh://host/path}.
     */
    static String normalize(String url) {
        String trimmed = url.strip();
        Matcher scp = SCP_LIKE.matcher(trimmed);
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

    /** Returns the mirror key: the last path segment made file-system safe, a dash and 12 hex digits of SHA-256. */
    static String key(String url) {
        String normalized = normalize(url);
        String name = normalized.substring(normalized.lastIndexOf('/') + 1);
        name = UNSAFE.matcher(name).replaceAll("_");
        name = name.replaceFirst("^\\.+", "");
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        if (name.isEmpty()) {
            name = "repo";
        }
        return name + "-" + sha256Hex(normalized).substring(0, HASH_HEX_CHARS);
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

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
