package dev.agenticore.testkit.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class GitHttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @Test
    void requestWithoutCredentialsGetsAChallenge() throws Exception {
        TestRepositories.createBare(temp.resolve("project.git"));
        try (GitHttpServer server = GitHttpServer.start(temp, "x-access-token", "secret")) {
            HttpResponse<String> response = get(server, null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"git\"");
            assertThat(server.unauthorizedRequests()).isEqualTo(1);
        }
    }

    @Test
    void credentialsAreCheckedByUserAndPassword() throws Exception {
        TestRepositories.createBare(temp.resolve("project.git"));
        try (GitHttpServer server = GitHttpServer.start(temp, "x-access-token", "secret")) {
            assertThat(get(server, "x-access-token:secret").statusCode()).isEqualTo(200);
            assertThat(get(server, "someone:secret").statusCode()).isEqualTo(401);
            assertThat(get(server, "x-access-token:wrong").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anyUserIsAcceptedWhenNoneIsConfigured() throws Exception {
        TestRepositories.createBare(temp.resolve("project.git"));
        try (GitHttpServer server = GitHttpServer.start(temp, null, "secret")) {
            HttpResponse<String> response = get(server, "anyone:secret");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("refs/heads/main");
        }
    }

    @Test
    void testRepositoriesReadBackFilesAndMessages() {
        Path repository = TestRepositories.createBare(temp.resolve("project.git"));
        TestRepositories.commit(repository, "feature", "Change the greeting", Map.of("src/hello.txt", "hi\n"));
        HashMap<String, String> deletion = new HashMap<>();
        deletion.put("README.md", null);
        TestRepositories.commit(repository, "feature", "Drop the readme", deletion);

        assertThat(TestRepositories.readFiles(repository, "feature"))
                .containsExactly(Map.entry("src/hello.txt", "hi\n"));
        assertThat(TestRepositories.readFiles(repository, "main")).containsOnlyKeys("README.md", "src/hello.txt");
        assertThat(TestRepositories.commitMessages(repository, "feature"))
                .containsExactly("Drop the readme", "Change the greeting", "Add the greeting", "Add the readme");
        assertThat(TestRepositories.hasBranch(repository, "feature")).isTrue();
        assertThat(TestRepositories.hasBranch(repository, "absent")).isFalse();
    }

    private HttpResponse<String> get(GitHttpServer server, String credentials) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.url("project.git") + "/info/refs?service=git-upload-pack"));
        if (credentials != null) {
            String encoded = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + encoded);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
