package dev.agenticore.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agenticore.core.workspace.CodeHostException;
import dev.agenticore.core.workspace.PullRequest;
import dev.agenticore.testkit.github.Endpoint;
import dev.agenticore.testkit.github.FakeGitHubApi;
import dev.agenticore.testkit.github.RecordedRequest;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class GitHubAppTokenTest {
    private static final String APP_ID = "123456";
    private static final String INSTALLATION_ID = "7890";
    private static final String STATIC_TOKEN = "ghp_static_fallback";
    private static final String REPO = "https://github.com/acme/widgets";
    private static final Instant START = Instant.parse("2030-01-01T12:00:00Z");

    private static KeyPair keys;
    private static KeyPair otherKeys;

    private FakeGitHubApi github;
    private MutableClock clock;

    @BeforeAll
    static void generateKeys() {
        keys = TestKeys.generate();
        otherKeys = TestKeys.generate();
    }

    @AfterAll
    static void dropKeys() {
        keys = null;
        otherKeys = null;
    }

    @BeforeEach
    void startFake() {
        clock = new MutableClock(START);
        github = new FakeGitHubApi().setClock(clock).start().configureApp(APP_ID, INSTALLATION_ID, keys.getPublic());
    }

    @AfterEach
    void stopFake() {
        github.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PKCS#8", "PKCS#1"})
    void bothPemFormsAuthenticate(String form) {
        String pem =
                form.equals("PKCS#8") ? TestKeys.pkcs8Pem(keys.getPrivate()) : TestKeys.pkcs1Pem(keys.getPrivate());
        assertThat(pem).contains(form.equals("PKCS#8") ? "BEGIN PRIVATE KEY" : "BEGIN RSA PRIVATE KEY");

        String url = appHost(pem, null).openPullRequest(pullRequest("feature"));

        assertThat(url).endsWith("/acme/widgets/pull/1");
        assertThat(github.issuedTokenCount()).isEqualTo(1);
        RecordedRequest pull = github.requests(Endpoint.CREATE_PULL_REQUEST).get(0);
        assertThat(pull.header("Authorization").orElseThrow()).startsWith("Bearer ghs_");
    }

    @Test
    void jwtCarriesExpectedClaims() throws Exception {
        appHost(TestKeys.pkcs8Pem(keys.getPrivate()), null).gitToken();

        RecordedRequest tokenRequest =
                github.requests(Endpoint.CREATE_INSTALLATION_TOKEN).get(0);
        assertThat(tokenRequest.path()).isEqualTo("/app/installations/" + INSTALLATION_ID + "/access_tokens");
        String jwt = tokenRequest.header("Authorization").orElseThrow().substring("Bearer ".length());
        String[] parts = jwt.split("\\.");
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode payload = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(payload.path("iss").asText()).isEqualTo(APP_ID);
        assertThat(payload.path("iat").asLong()).isEqualTo(START.getEpochSecond() - 60);
        assertThat(payload.path("exp").asLong()).isEqualTo(START.getEpochSecond() + 540);
    }

    @Test
    void tokenIsCachedAcrossPullRequests() {
        GitHubCodeHost host = appHost(TestKeys.pkcs8Pem(keys.getPrivate()), null);

        host.openPullRequest(pullRequest("one"));
        host.openPullRequest(pullRequest("two"));
        host.openPullRequest(pullRequest("three"));

        assertThat(github.issuedTokenCount()).isEqualTo(1);
        assertThat(github.pullRequests()).hasSize(3);
        List<String> authorizations = github.requests(Endpoint.CREATE_PULL_REQUEST).stream()
                .map(request -> request.header("Authorization").orElseThrow())
                .distinct()
                .toList();
        assertThat(authorizations).hasSize(1);
        assertThat(host.gitToken()).contains(authorizations.get(0).substring("Bearer ".length()));
    }

    @Test
    void tokenIsRefreshedFiveMinutesBeforeExpiry() {
        GitHubCodeHost host = appHost(TestKeys.pkcs8Pem(keys.getPrivate()), null);
        String first = host.gitToken().orElseThrow();

        clock.advance(Duration.ofMinutes(55).minusSeconds(1));
        assertThat(host.gitToken()).contains(first);
        assertThat(github.issuedTokenCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        String second = host.gitToken().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(github.issuedTokenCount()).isEqualTo(2);
        assertThat(host.openPullRequest(pullRequest("after-refresh"))).endsWith("/pull/1");
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        GitHubCodeHost host = appHost(TestKeys.pkcs8Pem(keys.getPrivate()), null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return host.gitToken();
                }));
            }
            start.countDown();
            for (Future<Optional<String>> result : results) {
                assertThat(result.get()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(github.issuedTokenCount()).isEqualTo(1);
    }

    @Test
    void rejectedJwtFallsBackToStaticToken() {
        github.acceptToken(STATIC_TOKEN);
        GitHubCodeHost host = appHost(TestKeys.pkcs8Pem(otherKeys.getPrivate()), STATIC_TOKEN);

        host.openPullRequest(pullRequest("feature"));

        assertThat(github.issuedTokenCount()).isZero();
        assertThat(github.requests(Endpoint.CREATE_INSTALLATION_TOKEN)).hasSize(1);
        RecordedRequest pull = github.requests(Endpoint.CREATE_PULL_REQUEST).get(0);
        assertThat(pull.header("Authorization")).contains("Bearer " + STATIC_TOKEN);
        assertThat(host.gitToken()).contains(STATIC_TOKEN);
    }

    @Test
    void wrongAppIdFallsBackToStaticToken() {
        github.acceptToken(STATIC_TOKEN).configureApp("999", INSTALLATION_ID, keys.getPublic());

        assertThat(appHost(TestKeys.pkcs1Pem(keys.getPrivate()), STATIC_TOKEN).gitToken())
                .contains(STATIC_TOKEN);
        assertThat(github.issuedTokenCount()).isZero();
    }

    @Test
    void appFailureWithoutStaticTokenExplainsBoth() {
        github.failNext(Endpoint.CREATE_INSTALLATION_TOKEN, 500, "Server Error");
        GitHubCodeHost host = appHost(TestKeys.pkcs8Pem(keys.getPrivate()), null);

        assertThatThrownBy(() -> host.openPullRequest(pullRequest("feature")))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("500")
                .hasMessageContaining("installation " + INSTALLATION_ID)
                .hasMessageContaining("set GITHUB_TOKEN as a fallback");
        assertThat(github.requests(Endpoint.CREATE_PULL_REQUEST)).isEmpty();
    }

    @Test
    void unknownInstallationLeavesNoGitToken() {
        github.configureApp(APP_ID, "1", keys.getPublic());

        assertThat(appHost(TestKeys.pkcs8Pem(keys.getPrivate()), null).gitToken())
                .isEmpty();
    }

    @Test
    void invalidPrivateKeyIsRejectedAtConstruction() {
        String broken = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> appHost(broken, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid RSA key");
        assertThatThrownBy(() -> appHost("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported PEM type CERTIFICATE");
    }

    private GitHubCodeHost appHost(String pem, String staticToken) {
        GitHubSettings settings =
                new GitHubSettings(github.baseUrl(), staticToken, APP_ID, INSTALLATION_ID, pem, Duration.ofSeconds(10));
        return new GitHubCodeHost(settings, clock);
    }

    private static PullRequest pullRequest(String head) {
        return new PullRequest(REPO, head, "main", "Title " + head, "Body");
    }
}
