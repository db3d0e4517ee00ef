package dev.agenticore.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeGitHubApiTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final HttpClient client = HttpClient.newHttpClient();
    private static KeyPair keys;
    private static KeyPair otherKeys;
    private FakeGitHubApi github;

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    @BeforeEach
    void startFake() {
        github = new FakeGitHubApi()
                .setClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .start()
                .acceptToken("good")
                .configureApp("42", "7", keys.getPublic());
    }

    @AfterEach
    void stopFake() {
        github.close();
    }

    @Test
    void missingAuthorizationIsUnauthorized() throws Exception {
        HttpResponse<String> response =
                post("/repos/a/b/pulls", null, "{\"title\":\"t\",\"head\":\"h\",\"base\":\"m\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Bad credentials");
        assertThat(github.pullRequests()).isEmpty();
        assertThat(github.requests()).hasSize(1);
        assertThat(github.requests().get(0).endpoint()).contains(Endpoint.CREATE_PULL_REQUEST);
    }

    @Test
    void unknownRouteIsNotFound() throws Exception {
        HttpResponse<String> response = post("/repos/a/b/issues", "good", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(github.requests().get(0).endpoint()).isEmpty();
    }

    @Test
    void queuedFailuresApplyInOrder() throws Exception {
        github.failNext(Endpoint.CREATE_ORGANIZATION_REPOSITORY, 500, "first")
                .failNext(Endpoint.CREATE_ORGANIZATION_REPOSITORY, 502, "second");

        assertThat(post("/orgs/acme/repos", "good", "{\"name\":\"w\"}").statusCode())
                .isEqualTo(500);
        assertThat(post("/orgs/acme/repos", "good", "{\"name\":\"w\"}").body()).contains("second");
        assertThat(post("/orgs/acme/repos", "good", "{\"name\":\"w\"}").statusCode())
                .isEqualTo(201);
        assertThat(github.repositories()).containsExactly(new FakeRepository("acme", "w", false));
    }

    @Test
    void validJwtGetsInstallationToken() throws Exception {
        HttpResponse<String> response = requestToken(jwt("RS256", "42", NOW.plusSeconds(60), keys));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"expires_at\":\"2030-01-01T01:00:00Z\"");
        assertThat(github.issuedTokenCount()).isEqualTo(1);
    }

    @Test
    void invalidJwtsAreRejected() throws Exception {
        assertThat(requestToken(jwt("HS256", "42", NOW.plusSeconds(60), keys)).body())
                .contains("alg must be RS256");
        assertThat(requestToken(jwt("RS256", "43", NOW.plusSeconds(60), keys)).body())
                .contains("iss");
        assertThat(requestToken(jwt("RS256", "42", NOW.minusSeconds(1), keys)).body())
                .contains("exp");
        assertThat(requestToken(jwt("RS256", "42", NOW.plusSeconds(60), otherKeys))
                        .body())
                .contains("signature");
        assertThat(requestToken("not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(github.issuedTokenCount()).isZero();
    }

    @Test
    void duplicateHeadIsValidationFailure() throws Exception {
        String body = "{\"title\":\"t\",\"head\":\"fix\",\"base\":\"main\"}";
        assertThat(post("/repos/acme/w/pulls", "good", body).statusCode()).isEqualTo(201);

        HttpResponse<String> duplicate = post("/repos/acme/w/pulls", "good", body);

        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("A pull request already exists for acme:fix.");
        RecordedRequest recorded = github.requests(Endpoint.CREATE_PULL_REQUEST).get(1);
        assertThat(recorded.bodyText("head")).isEqualTo("fix");
        assertThat(recorded.header("authorization")).isEqualTo(Optional.of("Bearer good"));
    }

    private HttpResponse<String> requestToken(String jwt) throws Exception {
        return post("/app/installations/7/access_tokens", jwt, "");
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(github.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jwt(String algorithm, String issuer, Instant expiry, KeyPair signer) throws Exception {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString(
                ("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"iss\":\"" + issuer + "\",\"exp\":" + expiry.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signer.getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + encoder.encodeToString(signature.sign());
    }
}
