package dev.agenticore.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.workspace.CodeHostException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and caches the installation token of a GitHub App. Thread-safe: callers share one cached token, and
 * concurrent callers that find it stale wait for a single refresh.
 */
final class InstallationTokens {

    /** How long before {@code expires_at} a cached token is replaced. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(InstallationTokens.class);

    private final GitHubApi api;
    private final String appId;
    private final String installationId;
    private final PrivateKey key;
    private final Clock clock;
    private String token;
    private Instant refreshAt;

    InstallationTokens(GitHubApi api, String appId, String installationId, PrivateKey key, Clock clock) {
        this.api = api;
        this.appId = appId;
        this.installationId = installationId;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Returns the cached token, or fetches a new one when none is cached or the clock has reached five minutes
     * before its expiry.
     *
     * @throws CodeHostException when GitHub does not issue a token. The message contains neither the JWT nor a
     *     token
     */
    synchronized String token() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(refreshAt)) {
            return token;
        }
        String jwt = AppJwt.create(appId, key, now);
        String path = "/app/installations/" + installationId + "/access_tokens";
        GitHubApi.Response response = api.send("POST", path, jwt, null);
        if (response.status() != 201) {
            throw GitHubApi.failure("creating an installation token for installation " + installationId, response);
        }
        String issued = response.body().path("token").asText("");
        Instant expiresAt = expiresAt(response.body());
        if (issued.isEmpty()) {
            throw new CodeHostException("GitHub returned no token for installation " + installationId);
        }
        token = issued;
        refreshAt = expiresAt.minus(REFRESH_MARGIN);
        LOG.info(
                "Fetched a GitHub App installation token for installation {}, expiring at {}",
                installationId,
                expiresAt);
        return token;
    }

    private Instant expiresAt(JsonNode body) {
        String text = body.path("expires_at").asText("");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CodeHostException(
                    "GitHub returned an installation token for installation " + installationId
                            + " with an invalid expires_at: '" + text + "'",
                    e);
        }
    }
}
