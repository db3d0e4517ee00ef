package dev.agenticore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.app.cli.CliServer.Result;
import dev.agenticore.testkit.git.TestRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code worktrees prepare|list|get|cleanup} against a local bare repository. */
@Timeout(60)
class WorktreeCommandsTest {
    @TempDir
    Path home;

    @TempDir
    Path repositories;

    private CliServer server;
    private String repoUrl;

    @BeforeEach
    void startServer() {
        server = CliServer.startWithFileUrls(home);
        repoUrl = TestRepositories.fileUrl(TestRepositories.createBare(repositories.resolve("sample.git")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void preparePrintsWorktree() {
        Result result = server.cli("worktrees prepare", repoUrl, "--base-ref", "main");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("ID: +[0-9a-f-]{36}\n")
                .containsPattern("Status: +ready\n")
                .contains("Repository:", repoUrl)
                .containsPattern("Base ref: +main\n")
                .containsPattern("Path: +" + home.resolve("worktrees"))
                .doesNotContain("On disk:");
    }

    @Test
    void listAndGetShowPreparedWorktree() throws Exception {
        JsonNode prepared = prepare();
        String id = prepared.path("worktree_id").asText();

        Result list = server.cli("worktrees list");
        Result get = server.cli("worktrees get", id);

        assertThat(list.exitCode()).as(list.err()).isZero();
        String[] lines = list.out().split("\n");
        assertThat(lines[0]).startsWith("ID").contains("STATUS", "BRANCH", "AGE", "SIZE", "PUSHED", "PATH");
        assertThat(lines[1])
                .startsWith(id)
                .contains("ready", "0.0h", "no", prepared.path("path").asText());
        assertThat(lines[1]).containsPattern(" \\d+(\\.\\d)? (B|KiB|MiB) ");
        assertThat(get.exitCode()).isZero();
        assertThat(get.out())
                .contains("ID:", id)
                .contains("Branch:", prepared.path("branch").asText())
                .containsPattern("On disk: +\\d+ B, 0\\.0h old, not pushed\n");
    }

    @Test
    void jsonOutputsEqualRestResponses() throws Exception {
        String id = prepare().path("worktree_id").asText();

        Result list = server.cli("worktrees list", "--json");
        Result get = server.cli("worktrees get", id, "--json");

        assertThat(list.json()).isEqualTo(server.get("/worktrees"));
        assertThat(get.json()).isEqualTo(server.get("/worktrees/" + id));
    }

    @Test
    void listWithoutWorktreesSaysSo() {
        Result result = server.cli("worktrees list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("No worktrees.\n");
    }

    @Test
    void cleanupRemovesWorktreeByPath() throws Exception {
        String path = prepare().path("path").asText();

        Result result = server.cli("worktrees cleanup", "--path", path);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Removed " + path + "\nRemoved 1 of 1 worktrees.\n");
        assertThat(Files.exists(Path.of(path))).isFalse();
    }

    @Test
    void cleanupOfPathOutsideRootFails() {
        String outside = repositories.resolve("elsewhere").toString();

        Result result = server.cli("worktrees cleanup", "--path", outside);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("Failed  " + outside + ": ").endsWith("Removed 0 of 1 worktrees.\n");
        assertThat(result.err())
                .startsWith("Error: could not remove 1 of 1 worktrees; the lines above give each reason (request id ");
    }

    @Test
    void cleanupByAgeKeepsNewWorktree() throws Exception {
        String path = prepare().path("path").asText();

        Result result = server.cli("worktrees cleanup", "--max-age-hours", "1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Removed 0 of 0 worktrees.\n");
        assertThat(Files.exists(Path.of(path))).isTrue();
    }

    @Test
    void unknownWorktreeFails() {
        Result result = server.cli("worktrees get", "no-such-worktree");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: GET /worktrees/no-such-worktree failed with HTTP 404: ");
    }

    private JsonNode prepare() throws Exception {
        Result result = server.cli("worktrees prepare", repoUrl, "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.json().path("worktree");
    }
}
