package dev.agenticore.rest;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * Checks API keys on every request except {@code GET /health}. A key may come in {@code X-Api-Key},
 * in {@code Authorization: Bearer}, or in the {@code api_key} query parameter; any of them that
 * matches admits the request. Keys are compared as SHA-256 digests in constant time, against every
 * configured key, and are never logged. Thread-safe.
 */
public final class ApiKeyAuthentication {
    /** Body of every 401 response. */
    public static final Map<String, String> UNAUTHORIZED_BODY = Map.of("error", "Invalid or missing API key");

    private final List<byte[]> keyDigests;

    /** Creates a check for the given keys; an empty list admits every request. */
    public ApiKeyAuthentication(List<String> apiKeys) {
        this.keyDigests = apiKeys.stream().map(ApiKeyAuthentication::digest).toList();
    }

    /** Returns whether authentication is switched on. */
    public boolean enabled() {
        return !keyDigests.isEmpty();
    }

    /** Returns whether a request path is public. */
    public static boolean isPublic(String path) {
        return path.equals("/health");
    }

    /** Returns whether the request carries an accepted key in any of the three places. */
    public boolean admits(Context ctx) {
        return admits(ctx.header("X-Api-Key"), ctx.header("Authorization"), queryKey(ctx.queryString()));
    }

    /** Returns whether any of the presented values, each possibly null, is an accepted key. */
    public boolean admits(String apiKeyHeader, String authorization, String queryKey) {
        if (!enabled()) {
            return true;
        }
        boolean admitted = matches(apiKeyHeader);
        admitted |= authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(authorization.substring(7).trim());
        admitted |= matches(queryKey);
        return admitted;
    }

    private boolean matches(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean found = false;
        for (byte[] key : keyDigests) {
            found |= MessageDigest.isEqual(key, digest);
        }
        return found;
    }

    private static String queryKey(String queryString) {
        if (queryString == null) {
            return null;
        }
        for (String pair : queryString.split("&")) {
            if (pair.startsWith("api_key=")) {
                try {
                    return URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Removes the value of the {@code api_key} query parameter, for request logs. */
    public static String redactQuery(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return "";
        }
        return queryString.replaceAll("(^|&)api_key=[^&]*", "$1api_key=REDACTED");
    }
}
