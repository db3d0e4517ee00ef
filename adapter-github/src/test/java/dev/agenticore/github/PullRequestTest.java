package dev.agenticore.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.workspace.CodeHostException;
import dev.agenticore.core.workspace.PullRequest;
import dev.agenticore.testkit.github.Endpoint;
import dev.agenticore.testkit.github.FakeGitHubApi;
import dev.agenticore.testkit.github.FakePullRequest;
import dev.agenticore.testkit.github.RecordedRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PullRequestTest {
    private static final String TOKEN = "ghp_static_token_for_tests";
    private static final String REPO = "https://github.com/acme/widgets.git";

    private FakeGitHubApi github;
    private GitHubCodeHost host;

    @BeforeEach
    void startFake() {
        github = new FakeGitHubApi().start().acceptToken(TOKEN);
        host = new GitHubCodeHost(settings(github.baseUrl(), TOKEN));
    }

    @AfterEach
    void stopFake() {
        github.close();
    }

    static GitHubSettings settings(String apiUrl, String token) {
        return new GitHubSettings(apiUrl, token, null, null, null, Duration.ofSeconds(10));
    }

    @Test
    void openedPullRequestReturnsItsUrl() {
        String url =
                host.openPullRequest(new PullRequest(REPO, "agenticore/job-1", "main", "Fix the parser", "Body text"));

        assertThat(url).isEqualTo("http://127.0.0.1:" + github.port() + "/acme/widgets/pull/1");
        assertThat(github.pullRequests()).hasSize(1);
        FakePullRequest created = github.pullRequests().get(0);
        assertThat(created.owner()).isEqualTo("acme");
        assertThat(created.repository()).isEqualTo("widgets");
        assertThat(created.head()).isEqualTo("agenticore/job-1");
        assertThat(created.base()).isEqualTo("main");
        assertThat(created.title()).isEqualTo("Fix the parser");
        assertThat(created.body()).isEqualTo("Body text");
    }

    @Test
    void pullRequestCarriesGitHubHeaders() {
        host.openPullRequest(new PullRequest(REPO, "feature", "main", "Title", "Body"));

        RecordedRequest request = github.requests(Endpoint.CREATE_PULL_REQUEST).get(0);
        assertThat(request.path()).isEqualTo("/repos/acme/widgets/pulls");
        assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
        assertThat(request.header("Accept")).contains("application/vnd.github+json");
        assertThat(request.header("X-GitHub-Api-Version")).contains("2022-11-28");
        assertThat(request.header("User-Agent")).contains("agenticore");
        assertThat(request.bodyText("head")).isEqualTo("feature");
    }

    @Test
    void duplicatePullRequestReturnsExistingUrl() {
        PullRequest request = new PullRequest(REPO, "agenticore/job-2", "main", "Title", "Body");
        String first = host.openPullRequest(request);

        String second = host.openPullRequest(request);

        assertThat(second).isEqualTo(first);
        assertThat(github.pullRequests()).hasSize(1);
        RecordedRequest lookup = github.requests(Endpoint.LIST_PULL_REQUESTS).get(0);
        assertThat(lookup.query()).isEqualTo("head=acme%3Aagenticore%2Fjob-2&state=open");
        assertThat(lookup.header("Authorization")).contains("Bearer " + TOKEN);
    }

    @Test
    void errorStatusSurfacesGitHubMessage() {
        github.failNext(Endpoint.CREATE_PULL_REQUEST, 403, "Resource not accessible by personal access token");

        assertThatThrownBy(() -> host.openPullRequest(new PullRequest(REPO, "feature", "main", "Title", "Body")))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("Resource not accessible by personal access token")
                .hasMessageContaining("acme/widgets")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void validationErrorsIncludeDetails() {
        assertThatThrownBy(() -> host.openPullRequest(new PullRequest(REPO, "feature", "main", "", "Body")))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("422")
                .hasMessageContaining("Validation Failed: title is missing");
    }

    @Test
    void rejectedTokenReportsBadCredentials() {
        GitHubCodeHost wrongToken = new GitHubCodeHost(settings(github.baseUrl(), "ghp_wrong_token"));

        assertThatThrownBy(() -> wrongToken.openPullRequest(new PullRequest(REPO, "feature", "main", "T", "B")))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("Bad credentials")
                .hasMessageNotContaining("ghp_wrong_token");
    }

    @Test
    void missingTokenNamesBothOptions() {
        GitHubCodeHost noToken = new GitHubCodeHost(settings(github.baseUrl(), null));

        assertThatThrownBy(() -> noToken.openPullRequest(new PullRequest(REPO, "feature", "main", "T", "B")))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("set GITHUB_TOKEN or configure the GitHub App");
        assertThat(noToken.gitToken()).isEmpty();
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void invalidRepositoryUrlSendsNoRequest() {
        assertThatThrownBy(() -> host.openPullRequest(new PullRequest("/srv/git/widgets", "f", "main", "T", "B")))
                .isInstanceOf(CodeHostException.class)
                .hasMessageStartingWith("not a GitHub repository URL: /srv/git/widgets");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void staticTokenIsGitToken() {
        assertThat(host.gitToken()).contains(TOKEN);
    }

    @Test
    void enterpriseApiPathPrefixIsKept() {
        try (FakeGitHubApi enterprise = new FakeGitHubApi("/api/v3").start().acceptToken(TOKEN)) {
            GitHubCodeHost enterpriseHost = new GitHubCodeHost(settings(enterprise.baseUrl() + "/", TOKEN));

            String url = enterpriseHost.openPullRequest(
                    new PullRequest("https://github.example.com/acme/widgets", "feature", "main", "T", "B"));

            assertThat(url).endsWith("/acme/widgets/pull/1");
            assertThat(enterprise.requests(Endpoint.CREATE_PULL_REQUEST)).hasSize(1);
        }
    }

    @Test
    void unreachableApiReportsFailure() {
        String closedUrl = github.baseUrl();
        github.close();

        assertThatThrownBy(() -> host.openPullRequest(new PullRequest(REPO, "feature", "main", "T", "B")))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("GitHub request POST /repos/acme/widgets/pulls failed")
                .hasMessageNotContaining(TOKEN);
        assertThat(closedUrl).startsWith("http://127.0.0.1:");
    }
}
