package dev.agenticore.core.workspace;

import java.util.Optional;

/**
 * A hosting service for repositories, such as GitHub: pull requests, repository creation and the
 * token git uses over HTTPS. Implementations are thread-safe. Failures throw {@link
 * CodeHostException} with the service's status and message, never a token.
 */
public interface CodeHost {

    /**
     * Opens a pull request.
     *
     * @return the pull request's web URL
     */
    String openPullRequest(PullRequest request);

    /**
     * Creates a repository when it does not exist; a repository that already exists counts as
     * success.
     */
    void createRepository(String repoUrl, boolean privateRepository);

    /** Returns a token for git over HTTPS, or empty when none is configured. */
    Optional<String> gitToken();
}
