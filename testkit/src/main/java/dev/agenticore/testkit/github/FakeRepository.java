package dev.agenticore.testkit.github;

/**
 * A repository that exists on {@link FakeGitHubApi}, either added by the test or created through the API.
 *
 * @param owner user or organization login
 * @param name repository name
 * @param privateRepository the {@code private} field of the creating request, or false for added repositories
 */
public record FakeRepository(String owner, String name, boolean privateRepository) {

    /** Returns {@code owner/name}. */
    public String fullName() {
        return owner + "/" + name;
    }
}
