package dev.agenticore.mcp;

/**
 * Decides whether a request's credentials are an accepted API key. The REST adapter's {@code
 * ApiKeyAuthentication::admits} has this shape, so both interfaces accept the same keys.
 * Implementations are thread-safe and never log the values they receive.
 */
@FunctionalInterface
public interface ApiKeyCheck {
    /** A check that admits every request, for servers configured without API keys. */
    ApiKeyCheck ADMIT_ALL = (apiKeyHeader, authorization, queryKey) -> true;

    /**
     * Returns whether any of the presented values is an accepted key.
     *
     * @param apiKeyHeader the {@code X-Api-Key} header, or null
     * @param authorization the {@code Authorization} header, or null; a key comes as {@code Bearer <key>}
     * @param queryKey the decoded {@code api_key} query parameter, or null
     */
    boolean admits(String apiKeyHeader, String authorization, String queryKey);
}
