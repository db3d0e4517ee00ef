package dev.agenticore.git;

import dev.agenticore.core.job.RepositoryUrls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Derives the file-system-safe key of each repository's mirror from its normalized URL. */
final class RepositoryKeys {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_NAME_LENGTH = 40;
    private static final int HASH_HEX_CHARS = 12;

    private RepositoryKeys() {}

    /**
     * Returns the mirror key: the last path segment of the {@link RepositoryUrls#normalize normalized}
     * URL made file-system safe, a dash and 12 hex digits of its SHA-256.
     */
    static String key(String url) {
        String normalized = RepositoryUrls.normalize(url);
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

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
