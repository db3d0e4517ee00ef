package dev.agenticore.core.workspace;

import java.util.Objects;

/**
 * A pull request to open.
 *
 * @param repoUrl the repository
 * @param head branch with the changes
 * @param base branch the changes go into
 * @param title title, at most 70 characters
 * @param body description
 */
public record PullRequest(String repoUrl, String head, String base, String title, String body) {
    public PullRequest {
        Objects.requireNonNull(repoUrl, "repoUrl must not be null");
        Objects.requireNonNull(head, "head must not be null");
        Objects.requireNonNull(base, "base must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(body, "body must not be null");
    }
}
