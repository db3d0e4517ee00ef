package dev.agenticore.testkit.github;

/**
 * A pull request created on {@link FakeGitHubApi}.
 *
 * @param number pull request number, counted from 1 per fake
 * @param owner repository owner from the request path
 * @param repository repository name from the request path
 * @param head {@code head} field as sent, either {@code branch} or {@code owner:branch}
 * @param base {@code base} field as sent
 * @param title {@code title} field as sent
 * @param body {@code body} field as sent, or an empty string
 * @param htmlUrl the {@code html_url} the fake returned
 */
public record FakePullRequest(
        int number,
        String owner,
        String repository,
        String head,
        String base,
        String title,
        String body,
        String htmlUrl) {

    /** Returns the head as {@code owner:branch}, adding the repository owner when the request sent a bare branch. */
    public String qualifiedHead() {
        return head.contains(":") ? head : owner + ":" + head;
    }
}
