package dev.agenticore.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.workspace.CodeHostException;
import dev.agenticore.testkit.github.Endpoint;
import dev.agenticore.testkit.github.FakeGitHubApi;
import dev.agenticore.testkit.github.FakeRepository;
import dev.agenticore.testkit.github.RecordedRequest;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RepositoryCreationTest {
    private static final String TOKEN = "ghp_static_token_for_tests";

    private FakeGitHubApi github;

    @BeforeEach
    void startFake() {
        github = new FakeGitHubApi().start().acceptToken(TOKEN);
    }

    @AfterEach
    void stopFake() {
        github.close();
    }

    @Test
    void organizationRepositoryIsCreated() {
        staticHost().createRepository("https://github.com/acme/widgets.git", true);

        assertThat(github.repositories()).containsExactly(new FakeRepository("acme", "widgets", true));
        RecordedRequest request =
                github.requests(Endpoint.CREATE_ORGANIZATION_REPOSITORY).get(0);
        assertThat(request.path()).isEqualTo("/orgs/acme/repos");
        assertThat(request.bodyText("name")).isEqualTo("widgets");
        assertThat(request.body().path("private").asBoolean()).isTrue();
        assertThat(request.body().path("auto_init").asBoolean()).isTrue();
        assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
        assertThat(github.requests(Endpoint.CREATE_USER_REPOSITORY)).isEmpty();
    }

    @Test
    void userOwnerFallsBackToUserRepos() {
        github.addUser("alice", "ghp_alice");
        GitHubCodeHost host = new GitHubCodeHost(PullRequestTest.settings(github.baseUrl(), "ghp_alice"));

        host.createRepository("git@github.com:alice/notes.git", false);

        assertThat(github.repositories()).containsExactly(new FakeRepository("alice", "notes", false));
        assertThat(github.requests(Endpoint.CREATE_ORGANIZATION_REPOSITORY)).hasSize(1);
        RecordedRequest userRequest =
                github.requests(Endpoint.CREATE_USER_REPOSITORY).get(0);
        assertThat(userRequest.bodyText("name")).isEqualTo("notes");
        assertThat(userRequest.body().path("private").asBoolean()).isFalse();
    }

    @Test
    void existingOrganizationRepositoryCountsAsSuccess() {
        github.addRepository("acme", "widgets");

        staticHost().createRepository("https://github.com/acme/widgets", true);

        assertThat(github.repositories()).hasSize(1);
        assertThat(github.requests(Endpoint.CREATE_ORGANIZATION_REPOSITORY)).hasSize(1);
    }

    @Test
    void existingUserRepositoryCountsAsSuccess() {
        github.addUser("alice", "ghp_alice").addRepository("alice", "notes");
        GitHubCodeHost host = new GitHubCodeHost(PullRequestTest.settings(github.baseUrl(), "ghp_alice"));

        host.createRepository("https://github.com/alice/notes", false);

        assertThat(github.requests(Endpoint.CREATE_USER_REPOSITORY)).hasSize(1);
        assertThat(github.repositories()).containsExactly(new FakeRepository("alice", "notes", false));
    }

    @Test
    void userRepositoryForOtherAccountIsRejected() {
        github.addUser("alice", "ghp_alice").addUser("bob", "ghp_bob");
        GitHubCodeHost host = new GitHubCodeHost(PullRequestTest.settings(github.baseUrl(), "ghp_bob"));

        assertThatThrownBy(() -> host.createRepository("https://github.com/alice/notes", false))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("bob/notes instead of alice/notes");
    }

    @Test
    void appTokenForbiddenRetriesWithStaticToken() {
        KeyPair keys = TestKeys.generate();
        github.configureApp("4242", "99", keys.getPublic());
        github.failNext(Endpoint.CREATE_ORGANIZATION_REPOSITORY, 403, "Resource not accessible by integration");
        GitHubSettings settings = new GitHubSettings(
                github.baseUrl(), TOKEN, "4242", "99", TestKeys.pkcs8Pem(keys.getPrivate()), Duration.ofSeconds(10));

        new GitHubCodeHost(settings).createRepository("https://github.com/acme/widgets", false);

        List<RecordedRequest> attempts = github.requests(Endpoint.CREATE_ORGANIZATION_REPOSITORY);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).header("Authorization").orElseThrow()).startsWith("Bearer ghs_");
        assertThat(attempts.get(1).header("Authorization")).contains("Bearer " + TOKEN);
        assertThat(github.repositories()).containsExactly(new FakeRepository("acme", "widgets", false));
    }

    @Test
    void appTokenForbiddenWithoutStaticTokenFails() {
        KeyPair keys = TestKeys.generate();
        github.configureApp("4242", "99", keys.getPublic());
        github.failNext(Endpoint.CREATE_ORGANIZATION_REPOSITORY, 403, "Resource not accessible by integration");
        GitHubSettings settings = new GitHubSettings(
                github.baseUrl(), null, "4242", "99", TestKeys.pkcs8Pem(keys.getPrivate()), Duration.ofSeconds(10));

        assertThatThrownBy(() -> new GitHubCodeHost(settings).createRepository("https://github.com/acme/w", false))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("Resource not accessible by integration");
        assertThat(github.requests(Endpoint.CREATE_ORGANIZATION_REPOSITORY)).hasSize(1);
    }

    @Test
    void staticTokenForbiddenIsNotRetried() {
        github.failNext(Endpoint.CREATE_ORGANIZATION_REPOSITORY, 403, "Must have admin rights to Repository.");

        assertThatThrownBy(() -> staticHost().createRepository("https://github.com/acme/widgets", false))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("Must have admin rights to Repository.")
                .hasMessageNotContaining(TOKEN);
        assertThat(github.requests(Endpoint.CREATE_ORGANIZATION_REPOSITORY)).hasSize(1);
    }

    @Test
    void serverErrorSurfacesStatusAndMessage() {
        github.failNext(Endpoint.CREATE_ORGANIZATION_REPOSITORY, 500, "Server Error");

        assertThatThrownBy(() -> staticHost().createRepository("https://github.com/acme/widgets", false))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("GitHub returned 500 when creating the repository acme/widgets: Server Error");
    }

    @Test
    void missingTokenFailsBeforeAnyRequest() {
        GitHubCodeHost host = new GitHubCodeHost(PullRequestTest.settings(github.baseUrl(), null));

        assertThatThrownBy(() -> host.createRepository("https://github.com/acme/widgets", false))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("set GITHUB_TOKEN or configure the GitHub App");
        assertThat(github.requests()).isEmpty();
    }

    private GitHubCodeHost staticHost() {
        return new GitHubCodeHost(PullRequestTest.settings(github.baseUrl(), TOKEN));
    }
}
