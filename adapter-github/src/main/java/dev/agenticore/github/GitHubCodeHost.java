package dev.agenticore.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenticore.core.workspace.CodeHost;
import dev.agenticore.core.workspace.CodeHostException;
import dev.agenticore.core.workspace.PullRequest;
import dev.agenticore.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CodeHost} on the GitHub REST API, for github.com and GitHub Enterprise Server.
 *
 * <p>Authentication: when the App id, installation id and private key are all set, requests use a GitHub App
 * installation token, cached until five minutes before it expires. When the App fails to issue one, requests use
 * the static token instead and a WARN is logged. Without either, every call except {@link #gitToken()} throws.
 *
 * <p>Thread safety: instances are thread-safe. Concurrent callers share one cached installation token, and only
 * one of them refreshes it.
 */
public final class GitHubCodeHost implements CodeHost {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubCodeHost.class);
    private static final String NO_TOKEN =
            "no GitHub token: set GITHUB_TOKEN or configure the GitHub App (GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID"
                    + " and GITHUB_APP_PRIVATE_KEY_PATH, GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_BASE64)";

    private final GitHubSettings settings;
    private final GitHubApi api;
    private final InstallationTokens installationTokens;

    /** Creates a code host that reads time from the UTC system clock. */
    public GitHubCodeHost(GitHubSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * Creates a code host.
     *
     * @param clock source of the JWT times and of the token cache expiry
     * @throws IllegalArgumentException when the App private key is set but is not a valid RSA key
     */
    public GitHubCodeHost(GitHubSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        this.api = new GitHubApi(settings.apiUrl(), settings.requestTimeout());
        if (settings.appConfigured()) {
            this.installationTokens = new InstallationTokens(
                    api,
                    settings.appId(),
                    settings.installationId(),
                    PemKeys.readRsaPrivateKey(settings.privateKeyPem()),
                    clock);
        } else {
            this.installationTokens = null;
            warnIfAppIncomplete(settings);
        }
    }

    /**
     * Opens a pull request, or returns the URL of the open one when GitHub reports that one already exists for the
     * head branch.
     *
     * @throws CodeHostException when the URL is not a GitHub repository, no token is available, or GitHub rejects
     *     the request. The message contains GitHub's status and message
     */
    @Override
    public String openPullRequest(PullRequest request) {
        GitHubRepository repository = GitHubRepository.parse(request.repoUrl());
        Credential credential = credential();
        ObjectNode body = Json.mapper()
                .createObjectNode()
                .put("title", request.title())
                .put("head", request.head())
                .put("base", request.base())
                .put("body", request.body());
        GitHubApi.Response response = api.send("POST", repository.apiPath() + "/pulls", credential.token(), body);
        if (response.status() == 201) {
            String url = requireHtmlUrl(response.body(), repository);
            LOG.info("Opened pull request {} from {} into {}", url, request.head(), request.base());
            return url;
        }
        if (response.is(422, "A pull request already exists")) {
            return findOpenPullRequest(repository, request.head(), credential.token());
        }
        throw GitHubApi.failure("opening a pull request on " + repository.fullName(), response);
    }

    /**
     * Creates the repository under its owner, as an organization repository or, when GitHub returns 404 for the
     * organization, under the token's user. A repository that already exists counts as success. When an App
     * installation token gets 403, the call is retried once with {@code GITHUB_TOKEN} if that is set.
     *
     * @throws CodeHostException when the URL is not a GitHub repository, no token is available, or GitHub rejects
     *     the request
     */
    @Override
    public void createRepository(String repoUrl, boolean privateRepository) {
        GitHubRepository repository = GitHubRepository.parse(repoUrl);
        Credential credential = credential();
        RepositoryCreator creator = new RepositoryCreator(api, repository, privateRepository);
        GitHubApi.Response response = creator.create(credential.token());
        if (response.status() == 403 && credential.fromApp() && settings.token() != null) {
            LOG.warn(
                    "GitHub App installation token got 403 creating {} ({}); retrying with GITHUB_TOKEN",
                    repository.fullName(),
                    response.message());
            response = creator.create(settings.token());
        }
        creator.finish(response);
    }

    /** Returns the App installation token, or the static token when the App is not configured or fails. */
    @Override
    public Optional<String> gitToken() {
        if (installationTokens == null && settings.token() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(credential().token());
        } catch (CodeHostException e) {
            return Optional.empty();
        }
    }

    /** Describes the code host by its settings, without secrets. */
    @Override
    public String toString() {
        return "GitHubCodeHost[" + settings + "]";
    }

    private String findOpenPullRequest(GitHubRepository repository, String head, String token) {
        String qualifiedHead = head.contains(":") ? head : repository.owner() + ":" + head;
        String path = repository.apiPath() + "/pulls?head=" + URLEncoder.encode(qualifiedHead, StandardCharsets.UTF_8)
                + "&state=open";
        GitHubApi.Response response = api.send("GET", path, token, null);
        if (response.status() != 200) {
            throw GitHubApi.failure("listing the open pull requests of " + repository.fullName(), response);
        }
        for (JsonNode pullRequest : response.body()) {
            String url = pullRequest.path("html_url").asText("");
            if (!url.isEmpty()) {
                LOG.info("Pull request for {} already exists: {}", qualifiedHead, url);
                return url;
            }
        }
        throw new CodeHostException("GitHub reported that a pull request for " + qualifiedHead + " on "
                + repository.fullName() + " already exists, but lists no open one");
    }

    private static String requireHtmlUrl(JsonNode body, GitHubRepository repository) {
        String url = body.path("html_url").asText("");
        if (url.isEmpty()) {
            throw new CodeHostException(
                    "GitHub created a pull request on " + repository.fullName() + " but returned no html_url");
        }
        return url;
    }

    /**
     * Returns the App installation token, or the static token when the App is not configured or fails.
     *
     * @throws CodeHostException when neither gives a token, with the App's failure when there was one
     */
    private Credential credential() {
        CodeHostException appFailure = null;
        if (installationTokens != null) {
            try {
                return new Credential(installationTokens.token(), true);
            } catch (CodeHostException e) {
                appFailure = e;
                LOG.warn(
                        "GitHub App installation token failed for installation {}, {}: {}",
                        settings.installationId(),
                        settings.token() == null ? "and GITHUB_TOKEN is not set" : "falling back to GITHUB_TOKEN",
                        e.getMessage());
            }
        }
        if (settings.token() != null) {
            return new Credential(settings.token(), false);
        }
        if (appFailure != null) {
            throw new CodeHostException(appFailure.getMessage() + "; set GITHUB_TOKEN as a fallback", appFailure);
        }
        throw new CodeHostException(NO_TOKEN);
    }

    private static void warnIfAppIncomplete(GitHubSettings settings) {
        boolean anySet =
                settings.appId() != null || settings.installationId() != null || settings.privateKeyPem() != null;
        if (anySet) {
            LOG.warn(
                    "GitHub App is partly configured and stays unused (app id {}, installation id {}, private key {});"
                            + " set all three to use it",
                    settings.appId() == null ? "missing" : "set",
                    settings.installationId() == null ? "missing" : "set",
                    settings.privateKeyPem() == null ? "missing" : "set");
        }
    }

    /** A token and whether it is an App installation token. */
    private record Credential(String token, boolean fromApp) {}
}
