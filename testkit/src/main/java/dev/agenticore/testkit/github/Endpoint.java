package dev.agenticore.testkit.github;

/** The GitHub REST API endpoints that {@link FakeGitHubApi} implements. */
public enum Endpoint {
    /** {@code POST /repos/{owner}/{repo}/pulls}. */
    CREATE_PULL_REQUEST,
    /** {@code GET /repos/{owner}/{repo}/pulls}, filtered by the {@code head} and {@code state} query parameters. */
    LIST_PULL_REQUESTS,
    /** {@code POST /orgs/{org}/repos}. */
    CREATE_ORGANIZATION_REPOSITORY,
    /** {@code POST /user/repos}, which creates the repository under the token's user. */
    CREATE_USER_REPOSITORY,
    /** {@code POST /app/installations/{installation_id}/access_tokens}, authenticated with an App JWT. */
    CREATE_INSTALLATION_TOKEN
}
