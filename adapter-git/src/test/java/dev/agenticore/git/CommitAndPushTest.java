package dev.agenticore.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.workspace.GitException;
import dev.agenticore.core.workspace.WorktreeCheckout;
import dev.agenticore.testkit.git.GitHttpServer;
import dev.agenticore.testkit.git.TestRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CommitAndPushTest {
    private static final String TOKEN = "tok-81c2d0e5aa";

    @TempDir
    Path temp;

    private GitFixture fixture;
    private Path remote;

    @BeforeEach
    void createRemote() {
        fixture = new GitFixture(temp);
        remote = fixture.remote("project.git");
        TestRepositories.commit(remote, "main", "Ignore build output", Map.of(".gitignore", "build/\n*.log\n"));
    }

    @Test
    void commitAllStagesNewModifiedAndDeletedFiles() throws Exception {
        JGitWorkspace workspace = fixture.workspace();
        Path dir = checkout(workspace, "job-commit").directory();
        Files.writeString(dir.resolve("NEW.md"), "new\n");
        Files.writeString(dir.resolve("README.md"), "# Changed\n");
        Files.delete(dir.resolve("src/hello.txt"));
        Files.createDirectories(dir.resolve("build"));
        Files.writeString(dir.resolve("build/out.bin"), "ignored\n");
        Files.writeString(dir.resolve("debug.log"), "ignored\n");

        Optional<String> commit = workspace.commitAll(dir, "Apply the task");

        assertThat(commit).isPresent();
        GitCli.Result show = GitCli.run(dir, "show", "--name-status", "--format=%an <%ae>%n%s", "HEAD");
        assertThat(show.output()).startsWith("Agenticore <agenticore@localhost>\nApply the task\n");
        assertThat(show.output()).contains("A\tNEW.md", "M\tREADME.md", "D\tsrc/hello.txt");
        assertThat(show.output()).doesNotContain("build/out.bin");
        assertThat(show.output()).doesNotContain("debug.log");
        assertThat(GitCli.run(dir, "status", "--porcelain").output()).isEmpty();
        assertThat(GitCli.run(dir, "rev-parse", "HEAD").output().strip()).isEqualTo(commit.get());
    }

    @Test
    void commitAllWithoutChangesReturnsEmpty() {
        JGitWorkspace workspace = fixture.workspace();
        Path dir = checkout(workspace, "job-empty").directory();

        assertThat(workspace.commitAll(dir, "Nothing")).isEmpty();
        assertThat(workspace.hasCommitsBeyond(dir, "main")).isFalse();
        assertThat(workspace.hasCommitsBeyond(dir, "")).isFalse();
    }

    @Test
    void hasCommitsBeyondSeesANewCommit() throws Exception {
        JGitWorkspace workspace = fixture.workspace();
        Path dir = checkout(workspace, "job-ahead").directory();
        Files.writeString(dir.resolve("NEW.md"), "new\n");

        workspace.commitAll(dir, "Add a file");

        assertThat(workspace.hasCommitsBeyond(dir, "main")).isTrue();
        assertThat(workspace.hasCommitsBeyond(dir, "")).isTrue();
        assertThatThrownBy(() -> workspace.hasCommitsBeyond(dir, "absent"))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("origin/absent");
    }

    @Test
    void pushOverHttpWithTokenUpdatesTheRemote() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(fixture.remotes, "x-access-token", TOKEN)) {
            JGitWorkspace workspace = fixture.workspace(TOKEN);
            WorktreeCheckout checkout = workspace.createWorktree(
                    server.url("project.git"), "main", "job-push", fixture.worktree("job-push"));
            Files.writeString(checkout.directory().resolve("NEW.md"), "pushed\n");
            workspace.commitAll(checkout.directory(), "Add the pushed file");

            workspace.push(checkout.directory(), "job-push");

            assertThat(TestRepositories.readFiles(remote, "job-push")).containsEntry("NEW.md", "pushed\n");
            assertThat(TestRepositories.commitMessages(remote, "job-push").get(0))
                    .isEqualTo("Add the pushed file");
            Path mirror = fixture.reposRoot.resolve(checkout.repoKey());
            assertThat(GitCli.run(mirror, "rev-parse", "refs/remotes/origin/job-push")
                            .exitCode())
                    .isZero();
            assertThat(Files.readString(mirror.resolve("config"))).doesNotContain(TOKEN);
        }
    }

    @Test
    void pushWithWrongTokenFailsWithoutTheToken() throws Exception {
        String wrong = "wrong-token-77e1";
        try (GitHttpServer server = GitHttpServer.start(fixture.remotes, null, TOKEN)) {
            WorktreeCheckout checkout = fixture.workspace(TOKEN)
                    .createWorktree(server.url("project.git"), "main", "job-auth", fixture.worktree("job-auth"));
            Files.writeString(checkout.directory().resolve("NEW.md"), "x\n");
            JGitWorkspace wrongWorkspace = fixture.workspace(wrong);
            wrongWorkspace.commitAll(checkout.directory(), "Add a file");

            assertThatThrownBy(() -> wrongWorkspace.push(checkout.directory(), "job-auth"))
                    .isInstanceOf(GitException.class)
                    .hasMessageContaining("push of branch job-auth to " + server.url("project.git") + " failed")
                    .hasMessageContaining("not authorized")
                    .hasMessageNotContaining(wrong);
            assertThat(TestRepositories.hasBranch(remote, "job-auth")).isFalse();
        }
    }

    @Test
    void pushRejectedByTheHookCarriesTheReason() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(fixture.remotes, null, TOKEN)) {
            JGitWorkspace workspace = fixture.workspace(TOKEN);
            WorktreeCheckout checkout = workspace.createWorktree(
                    server.url("project.git"), "main", "job-hook", fixture.worktree("job-hook"));
            Files.writeString(checkout.directory().resolve("NEW.md"), "x\n");
            workspace.commitAll(checkout.directory(), "Add a file");
            server.rejectPushes("pushes are frozen for the release");

            assertThatThrownBy(() -> workspace.push(checkout.directory(), "job-hook"))
                    .isInstanceOf(GitException.class)
                    .hasMessageContaining("was rejected: the remote rejected it")
                    .hasMessageContaining("pushes are frozen for the release");
            assertThat(TestRepositories.hasBranch(remote, "job-hook")).isFalse();
        }
    }

    @Test
    void nonFastForwardPushIsRejected() throws Exception {
        JGitWorkspace workspace = fixture.workspace();
        Path dir = checkout(workspace, "job-race").directory();
        TestRepositories.commit(remote, "job-race", "Someone else's commit", Map.of("OTHER", "o\n"));
        Files.writeString(dir.resolve("NEW.md"), "x\n");
        workspace.commitAll(dir, "Add a file");

        assertThatThrownBy(() -> workspace.push(dir, "job-race"))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("push of branch job-race to " + TestRepositories.fileUrl(remote))
                .hasMessageContaining("non-fast-forward");
    }

    private WorktreeCheckout checkout(JGitWorkspace workspace, String branch) {
        return workspace.createWorktree(TestRepositories.fileUrl(remote), "main", branch, fixture.worktree(branch));
    }
}
