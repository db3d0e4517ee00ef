package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.testkit.anthropic.ClaudeCodeExtension;
import dev.agenticore.testkit.anthropic.Reply;
import dev.agenticore.testkit.git.GitHttpServer;
import dev.agenticore.testkit.git.TestRepositories;
import dev.agenticore.testkit.github.FakeGitHubApi;
import dev.agenticore.testkit.github.FakePullRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end: a bare clone of this project's own repository served over HTTP with
 * Basic auth, the real Claude Code CLI editing a file through the scripted model, and a fake GitHub
 * API that receives the pull request.
 */
@Timeout(180)
@ExtendWith(ClaudeCodeExtension.class)
class PullRequestJobIT {
    private static final String TOKEN = "ghs_test_token";
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    private GitHttpServer gitServer;
    private FakeGitHubApi github;
    private ServerHarness harness;
    private Path bareRepository;

    @BeforeEach
    void startRemotes() throws Exception {
        Path served = Files.createDirectories(home.resolve("served"));
        bareRepository = served.resolve("agenticore.git");
        try (Git clone = Git.cloneRepository()
                .setURI(projectRoot().toUri().toString())
                .setBare(true)
                .setDirectory(bareRepository.toFile())
                .setBranch("main")
                .call()) {
            assertThat(clone.getRepository().resolve("refs/heads/main")).isNotNull();
        }
        gitServer = GitHttpServer.start(served, "x-access-token", TOKEN);
        github = new FakeGitHubApi().start().acceptToken(TOKEN);
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        gitServer.close();
        github.close();
    }

    @Test
    void successfulJobPushesItsBranchAndOpensPullRequest(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, settings());
        harness.model.enqueueComputed(request -> Reply.toolUse(
                "Write",
                Map.of(
                        "file_path",
                        harness.workingDirectory(ServerHarness.jobIdIn(request.systemText()))
                                .resolve("NOTES.md")
                                .toString(),
                        "content",
                        "Written by the agent.\n")));
        harness.model.enqueue(Reply.text("Added NOTES.md."));

        String id = harness.submit("{\"task\": \"Add a NOTES.md file\", \"repo_url\": \"" + repoUrl() + "\"}")
                .get("id")
                .asText();
        JsonNode job = harness.awaitJob(id, JOB_TIMEOUT);

        String branch = "agenticore/" + id.substring(0, 8);
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("branch").asText()).isEqualTo(branch);
        assertThat(job.get("error").isNull()).as(job.toString()).isTrue();
        Map<String, String> remoteFiles = TestRepositories.readFiles(bareRepository, branch);
        Map<String, String> baseFiles = TestRepositories.readFiles(bareRepository, "main");
        assertThat(remoteFiles).containsEntry("NOTES.md", "Written by the agent.\n");
        Map<String, String> changed = new HashMap<>(remoteFiles);
        changed.entrySet().removeIf(entry -> entry.getValue().equals(baseFiles.get(entry.getKey())));
        assertThat(changed).containsOnlyKeys("NOTES.md");
        assertThat(baseFiles.keySet()).isSubsetOf(remoteFiles.keySet());
        assertThat(TestRepositories.commitMessages(bareRepository, branch).get(0))
                .startsWith("Apply changes from Agenticore job " + id);

        List<FakePullRequest> pulls = github.pullRequests();
        assertThat(pulls).hasSize(1);
        assertThat(pulls.get(0).head()).isEqualTo(branch);
        assertThat(pulls.get(0).base()).isEqualTo("main");
        assertThat(pulls.get(0).title()).isEqualTo("Add a NOTES.md file");
        assertThat(job.get("pr_url").asText()).isEqualTo(pulls.get(0).htmlUrl());
    }

    @Test
    void jobWithoutChangesOpensNoPullRequest(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, settings());
        harness.model.enqueue(Reply.text("Nothing to change."));

        String id = harness.submit("{\"task\": \"Look around\", \"repo_url\": \"" + repoUrl() + "\"}")
                .get("id")
                .asText();
        JsonNode job = harness.awaitJob(id, JOB_TIMEOUT);

        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        assertThat(job.get("pr_url").isNull()).isTrue();
        assertThat(github.pullRequests()).isEmpty();
        assertThat(TestRepositories.hasBranch(bareRepository, "agenticore/" + id.substring(0, 8)))
                .isFalse();
    }

    @Test
    void rejectedPushKeepsTheJobSucceededAndRecordsTheReason(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, settings());
        gitServer.rejectPushes("pushes are frozen for the release");
        harness.model.enqueueComputed(request -> Reply.toolUse(
                "Write",
                Map.of(
                        "file_path",
                        harness.workingDirectory(ServerHarness.jobIdIn(request.systemText()))
                                .resolve("x.txt")
                                .toString(),
                        "content",
                        "x")));
        harness.model.enqueue(Reply.text("Done."));

        JsonNode job = harness.awaitJob(
                harness.submit("{\"task\": \"Add x\", \"repo_url\": \"" + repoUrl() + "\"}")
                        .get("id")
                        .asText(),
                JOB_TIMEOUT);

        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        assertThat(job.get("pr_url").isNull()).isTrue();
        assertThat(job.get("error").asText())
                .contains("pull request was not opened")
                .contains("pushes are frozen");
        assertThat(github.pullRequests()).isEmpty();
    }

    @Test
    void missingBaseRefFailsTheJobNamingTheBranch(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, settings());

        JsonNode job = harness.awaitJob(
                harness.submit("{\"task\": \"t\", \"repo_url\": \"" + repoUrl()
                                + "\", \"base_ref\": \"no-such-branch\"}")
                        .get("id")
                        .asText(),
                JOB_TIMEOUT);

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).contains("no-such-branch");
    }

    @Test
    void unreachableRepositoryFailsTheJobClearly(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, settings());
        String unreachable = "http://127.0.0.1:9/git/nothing.git";

        JsonNode job = harness.awaitJob(
                harness.submit("{\"task\": \"t\", \"repo_url\": \"" + unreachable + "\"}")
                        .get("id")
                        .asText(),
                JOB_TIMEOUT);

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText())
                .startsWith("workspace preparation failed")
                .contains("127.0.0.1:9");
    }

    @Test
    void preparedWorktreeIsReusedByAJob(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, settings());
        JsonNode worktree = harness.post("/worktrees", "{\"repo_url\": \"" + repoUrl() + "\"}")
                .get("worktree");
        String worktreeId = worktree.get("worktree_id").asText();
        assertThat(worktree.get("status").asText()).isEqualTo("ready");
        harness.model.enqueue(Reply.toolUse(
                "Write",
                Map.of(
                        "file_path",
                        Path.of(worktree.get("path").asText())
                                .resolve("TWO_PHASE.md")
                                .toString(),
                        "content",
                        "two phases\n")));
        harness.model.enqueue(Reply.text("Done."));

        JsonNode job = harness.awaitJob(
                harness.submit("{\"task\": \"Second phase\", \"worktree_id\": \"" + worktreeId + "\"}")
                        .get("id")
                        .asText(),
                JOB_TIMEOUT);

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("worktree_path").asText())
                .isEqualTo(worktree.get("path").asText());
        assertThat(job.get("worktree_id").asText()).isEqualTo(worktreeId);
        assertThat(TestRepositories.readFiles(
                        bareRepository, worktree.get("branch").asText()))
                .containsEntry("TWO_PHASE.md", "two phases\n");
        assertThat(github.pullRequests())
                .singleElement()
                .satisfies(pull ->
                        assertThat(pull.head()).isEqualTo(worktree.get("branch").asText()));
        JsonNode listed = harness.get("/worktrees");
        assertThat(listed.get("worktrees")).anySatisfy(entry -> {
            assertThat(entry.get("worktree_id").asText()).isEqualTo(worktreeId);
            assertThat(entry.get("pushed").asBoolean()).isTrue();
        });
        assertThat(harness.get("/worktrees/" + worktreeId)
                        .get("worktree")
                        .get("status")
                        .asText())
                .isEqualTo("ready");
    }

    @Test
    void cleanupRejectsPathsOutsideTheWorktreeRoot(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, settings());
        Path outside = Files.createDirectories(home.resolve("precious"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        String root = home.resolve("worktrees").toString();

        JsonNode result = harness.post(
                "/worktrees/cleanup",
                "{\"paths\": [\"" + outside + "\", \"" + root + "/../precious\", \"" + root + "\"]}");

        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("removed").asInt()).isZero();
        assertThat(result.get("results"))
                .hasSize(3)
                .allSatisfy(item -> assertThat(item.get("success").asBoolean()).isFalse());
        assertThat(outside.resolve("keep.txt")).exists();
        JsonNode empty = harness.post("/worktrees/cleanup", "{}");
        assertThat(empty.get("error").asText())
                .isEqualTo("no worktrees to remove: provide paths, or max_age_hours greater than 0");
    }

    @Test
    void concurrentJobsOnOneRepositoryEachGetTheirBranch(ClaudeCodeExtension.Setup claude) throws Exception {
        harness = new ServerHarness(claude, home, settings());
        harness.model.setDefaultReply(Reply.text("Looked."));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(harness.submit("{\"task\": \"look " + i + "\", \"repo_url\": \"" + repoUrl() + "\"}")
                    .get("id")
                    .asText());
        }

        for (String id : ids) {
            JsonNode job = harness.awaitJob(id, JOB_TIMEOUT);
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.get("branch").asText()).isEqualTo("agenticore/" + id.substring(0, 8));
        }
        assertThat(ids.stream()
                        .map(id -> {
                            try {
                                return harness.get("/jobs/" + id)
                                        .get("job")
                                        .get("worktree_path")
                                        .asText();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .distinct())
                .hasSize(3);
    }

    private Map<String, String> settings() {
        return Map.of(
                "GITHUB_API_URL", github.baseUrl(),
                "GITHUB_TOKEN", TOKEN,
                "AGENTICORE_WORKTREE_ROOT", home.resolve("worktrees").toString());
    }

    private String repoUrl() {
        return gitServer.url("agenticore.git");
    }

    private static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve(".git"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("the tests must run inside a git checkout of the project");
        }
        return directory;
    }
}
