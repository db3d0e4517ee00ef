package dev.agenticore.testkit.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pull requests of {@link FakeGitHubApi}. They all stay open. Thread-safe. */
final class PullRequestStore {

    private final List<FakePullRequest> pullRequests = new ArrayList<>();

    /**
     * Opens a pull request and returns it, or returns empty when an open one has the same qualified head.
     *
     * @param fields owner, repository, head, base, title and body of the request, without number or URL
     * @param webUrl the fake's web root, for example {@code http://127.0.0.1:43121}
     */
    synchronized Optional<FakePullRequest> open(FakePullRequest fields, String webUrl) {
        if (!find(fields.owner(), fields.repository(), fields.qualifiedHead()).isEmpty()) {
            return Optional.empty();
        }
        int number = pullRequests.size() + 1;
        String htmlUrl = webUrl + "/" + fields.owner() + "/" + fields.repository() + "/pull/" + number;
        FakePullRequest created = new FakePullRequest(
                number,
                fields.owner(),
                fields.repository(),
                fields.head(),
                fields.base(),
                fields.title(),
                fields.body(),
                htmlUrl);
        pullRequests.add(created);
        return Optional.of(created);
    }

    /** Returns the pull requests of a repository whose qualified head matches, or all of them for a null head. */
    synchronized List<FakePullRequest> find(String owner, String repository, String qualifiedHead) {
        return pullRequests.stream()
                .filter(pr -> pr.owner().equalsIgnoreCase(owner)
                        && pr.repository().equalsIgnoreCase(repository)
                        && (qualifiedHead == null || pr.qualifiedHead().equalsIgnoreCase(qualifiedHead)))
                .toList();
    }

    synchronized List<FakePullRequest> all() {
        return List.copyOf(pullRequests);
    }
}
