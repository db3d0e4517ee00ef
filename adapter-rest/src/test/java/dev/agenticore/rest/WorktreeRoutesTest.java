package dev.agenticore.rest;

import static dev.agenticore.rest.JobRoutesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.job.JobSettings;
import dev.agenticore.testkit.git.TestRepositories;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /worktrees/{id}} and {@code POST /jobs} with a {@code worktree_id}, over worktrees that
 * JGit prepares from a local bare repository.
 */
@Timeout(60)
class WorktreeRoutesTest {
    private static final String OTHER_REPO = "http://127.0.0.1:9/acme/other.git";

    private RestFixture api;
    private String repoUrl;

    @BeforeEach
    void startServer() throws Exception {
        api = new RestFixture(
                List.of(),
                JobSettings.defaults("test-node")
                        .withWaitLimit(Duration.ofSeconds(5))
                        .withAllowFileUrls(true));
        api.instant = true;
        api.worker.start();
        repoUrl = TestRepositories.fileUrl(TestRepositories.createBare(api.workRoot.resolve("remotes/widgets.git")));
    }

    @AfterEach
    void stopServer() {
        api.close();
    }

    @Test
    void getReportsDiskStateLikeList() throws Exception {
        JsonNode prepared = prepare();
        String id = prepared.get("worktree_id").asText();

        HttpResponse<String> response = api.get("/worktrees/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode worktree = json(response).get("worktree");
        JsonNode listed = json(api.get("/worktrees")).get("worktrees").get(0);
        assertThat(worktree.get("worktree_id").asText()).isEqualTo(id);
        assertThat(worktree.get("status").asText()).isEqualTo("ready");
        assertThat(worktree.get("repo_url").asText()).isEqualTo(repoUrl);
        assertThat(worktree.get("path")).isEqualTo(prepared.get("path"));
        assertThat(worktree.get("branch")).isEqualTo(prepared.get("branch"));
        assertThat(worktree.get("job_id").isNull()).isTrue();
        assertThat(worktree.get("exists").asBoolean()).isTrue();
        assertThat(worktree.get("age_hours").asDouble()).isEqualTo(0.0);
        assertThat(worktree.get("size_bytes").asLong()).isEqualTo("# Sample\n".length() + "hello\n".length());
        assertThat(worktree.get("pushed").isBoolean()).isTrue();
        assertThat(worktree.get("pushed").asBoolean()).isFalse();
        assertThat(listed.get("worktree_id").asText()).isEqualTo(id);
        assertThat(worktree.get("age_hours")).isEqualTo(listed.get("age_hours"));
        assertThat(worktree.get("size_bytes")).isEqualTo(listed.get("size_bytes"));
        assertThat(worktree.get("pushed")).isEqualTo(listed.get("pushed"));
    }

    @Test
    void getMatchesOpenApiSchema() throws Exception {
        String id = prepare().get("worktree_id").asText();
        JsonNode schemas = OpenApiRoutes.load().get("components").get("schemas");
        Set<String> documented = new TreeSet<>();
        schemas.get("Worktree").get("properties").fieldNames().forEachRemaining(documented::add);
        schemas.at("/WorktreeDetails/allOf/1/properties").fieldNames().forEachRemaining(documented::add);

        Set<String> returned = new TreeSet<>();
        json(api.get("/worktrees/" + id)).get("worktree").fieldNames().forEachRemaining(returned::add);

        assertThat(returned).isEqualTo(documented);
    }

    @Test
    void getReportsDeletedDirectory() throws Exception {
        JsonNode prepared = prepare();
        deleteTree(Path.of(prepared.get("path").asText()));

        HttpResponse<String> response =
                api.get("/worktrees/" + prepared.get("worktree_id").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode worktree = json(response).get("worktree");
        assertThat(worktree.get("status").asText()).isEqualTo("ready");
        assertThat(worktree.get("path")).isEqualTo(prepared.get("path"));
        assertThat(worktree.get("exists").asBoolean()).isFalse();
        assertThat(worktree.get("age_hours").isNull()).isTrue();
        assertThat(worktree.get("size_bytes").isNull()).isTrue();
        assertThat(worktree.get("pushed").isNull()).isTrue();
    }

    @Test
    void getOfRemovedWorktree() throws Exception {
        String id = prepare().get("worktree_id").asText();
        assertThat(api.delete("/worktrees/" + id).statusCode()).isEqualTo(200);

        JsonNode worktree = json(api.get("/worktrees/" + id)).get("worktree");

        assertThat(worktree.get("status").asText()).isEqualTo("removed");
        assertThat(worktree.get("exists").asBoolean()).isFalse();
    }

    @Test
    void getOfUnknownWorktreeIsNotFound() throws Exception {
        HttpResponse<String> response = api.get("/worktrees/wt-missing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("Worktree not found: wt-missing");
    }

    @Test
    void jobWithReadyWorktreeIsQueued() throws Exception {
        String id = prepare().get("worktree_id").asText();

        HttpResponse<String> response = api.post(
                "/jobs", "{\"task\": \"edit\", \"worktree_id\": \"" + id + "\", \"repo_url\": \"" + repoUrl + "/\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("job").get("worktree_id").asText()).isEqualTo(id);
        assertThat(jobCount()).isEqualTo(1);
    }

    @Test
    void jobWithUnknownWorktreeIsNotFound() throws Exception {
        HttpResponse<String> response = api.post("/jobs", "{\"task\": \"edit\", \"worktree_id\": \"wt-missing\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("Worktree not found: wt-missing");
        assertThat(jobCount()).isZero();
    }

    @Test
    void jobWithBusyWorktreeIsConflict() throws Exception {
        String id = prepare().get("worktree_id").asText();
        api.worktrees.claim(id, "job-running");

        HttpResponse<String> response = api.post("/jobs", "{\"task\": \"edit\", \"worktree_id\": \"" + id + "\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").asText())
                .startsWith("worktree " + id + " is in use by job job-running;");
        assertThat(jobCount()).isZero();
    }

    @Test
    void jobWithRemovedWorktreeIsConflict() throws Exception {
        String id = prepare().get("worktree_id").asText();
        api.delete("/worktrees/" + id);

        HttpResponse<String> response = api.post("/jobs", "{\"task\": \"edit\", \"worktree_id\": \"" + id + "\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("error").asText()).startsWith("worktree " + id + " was removed;");
        assertThat(jobCount()).isZero();
    }

    @Test
    void jobForOtherRepositoryIsBadRequest() throws Exception {
        String id = prepare().get("worktree_id").asText();

        HttpResponse<String> response = api.post(
                "/jobs", "{\"task\": \"edit\", \"worktree_id\": \"" + id + "\", \"repo_url\": \"" + OTHER_REPO + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText())
                .contains(OTHER_REPO)
                .contains(repoUrl)
                .contains(id);
        assertThat(jobCount()).isZero();
    }

    private JsonNode prepare() throws Exception {
        HttpResponse<String> response = api.post("/worktrees", "{\"repo_url\": \"" + repoUrl + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("worktree");
    }

    private int jobCount() throws Exception {
        return json(api.get("/jobs")).get("count").asInt();
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
