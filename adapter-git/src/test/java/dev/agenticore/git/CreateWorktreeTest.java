package dev.agenticore.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.workspace.GitException;
import dev.agenticore.core.workspace.WorktreeCheckout;
import dev.agenticore.testkit.git.GitHttpServer;
import dev.agenticore.testkit.git.TestRepositories;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CreateWorktreeTest {
    private static final String TOKEN = "tok-3f9a1c77e2";

    @TempDir
    Path temp;

    private GitFixture fixture;

    @BeforeEach
    void createFixture() {
        fixture = new GitFixture(temp);
    }

    @Test
    void worktreeFromFileUrlHasTheBaseFiles() throws Exception {
        Path remote = fixture.remote("project.git");
        String mainCommit = TestRepositories.commit(remote, "main", "Touch the readme", Map.of("README.md", "# New\n"));

        WorktreeCheckout checkout = fixture.workspace()
                .createWorktree(TestRepositories.fileUrl(remote), "main", "job-1", fixture.worktree("job-1"));

        assertThat(checkout.branch()).isEqualTo("job-1");
        assertThat(checkout.baseRef()).isEqualTo("main");
        assertThat(checkout.baseCommit()).isEqualTo(mainCommit);
        assertThat(checkout.repoKey()).startsWith("project-");
        assertThat(checkout.directory().resolve("README.md")).hasContent("# New");
        assertThat(checkout.directory().resolve("src/hello.txt")).hasContent("hello");
        assertThat(fixture.reposRoot.resolve(checkout.repoKey()).resolve("HEAD"))
                .exists();
    }

    @Test
    void commandLineGitAcceptsTheWorktree() throws Exception {
        Path remote = fixture.remote("project.git");
        WorktreeCheckout checkout = fixture.workspace()
                .createWorktree(TestRepositories.fileUrl(remote), "main", "job-cli", fixture.worktree("job-cli"));
        Path mirror = fixture.reposRoot.resolve(checkout.repoKey());

        GitCli.Result list = GitCli.run(mirror, "worktree", "list", "--porcelain");
        GitCli.Result status = GitCli.run(checkout.directory(), "status", "--porcelain");
        GitCli.Result branch = GitCli.run(checkout.directory(), "rev-parse", "--abbrev-ref", "HEAD");
        GitCli.Result topLevel = GitCli.run(checkout.directory(), "rev-parse", "--show-toplevel");

        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output())
                .contains("worktree " + checkout.directory() + "\nHEAD " + checkout.baseCommit()
                        + "\nbranch refs/heads/job-cli\n");
        assertThat(list.output()).doesNotContain("prunable");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).isEmpty();
        assertThat(branch.output().strip()).isEqualTo("job-cli");
        assertThat(topLevel.output().strip()).isEqualTo(checkout.directory().toString());
    }

    @Test
    void emptyBaseRefUsesTheRemoteDefaultBranch() throws Exception {
        Path remote = fixture.remote("trunk.git");
        String trunk = TestRepositories.commit(remote, "trunk", "Start trunk", Map.of("TRUNK", "yes\n"));
        pointHeadAt(remote, "trunk");

        WorktreeCheckout checkout = fixture.workspace()
                .createWorktree(TestRepositories.fileUrl(remote), "", "job-default", fixture.worktree("job-default"));

        assertThat(checkout.baseRef()).isEqualTo("trunk");
        assertThat(checkout.baseCommit()).isEqualTo(trunk);
        assertThat(checkout.directory().resolve("TRUNK")).exists();
    }

    @Test
    void worktreeOverHttpSendsTheToken() throws Exception {
        fixture.remote("private.git");
        try (GitHttpServer server = GitHttpServer.start(fixture.remotes, null, TOKEN)) {
            WorktreeCheckout checkout = fixture.workspace(TOKEN)
                    .createWorktree(server.url("private.git"), "main", "job-http", fixture.worktree("job-http"));

            assertThat(checkout.directory().resolve("src/hello.txt")).hasContent("hello");
            String config = Files.readString(
                    fixture.reposRoot.resolve(checkout.repoKey()).resolve("config"));
            assertThat(config).contains("url = " + server.url("private.git"));
            assertThat(config).doesNotContain(TOKEN);
        }
    }

    @Test
    void wrongTokenOverHttpFailsWithoutTheToken() {
        fixture.remote("private.git");
        try (GitHttpServer server = GitHttpServer.start(fixture.remotes, null, TOKEN)) {
            String wrong = "wrong-token-5521";

            assertThatThrownBy(() -> fixture.workspace(wrong)
                            .createWorktree(server.url("private.git"), "main", "job-x", fixture.worktree("job-x")))
                    .isInstanceOf(GitException.class)
                    .hasMessageContaining(server.url("private.git"))
                    .hasMessageContaining("not authorized")
                    .hasMessageNotContaining(wrong);
        }
    }

    @Test
    void missingBaseRefListsTheRemoteBranches() {
        Path remote = fixture.remote("project.git");
        TestRepositories.commit(remote, "develop", "Start develop", Map.of("D", "d\n"));

        assertThatThrownBy(() -> fixture.workspace()
                        .createWorktree(
                                TestRepositories.fileUrl(remote), "release", "job-2", fixture.worktree("job-2")))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("'release' not found")
                .hasMessageContaining("develop, main");
        assertThat(fixture.worktree("job-2")).doesNotExist();
    }

    @Test
    void unreachableRepositoryNamesTheUrlAndCause() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/owner/repo.git";

        assertThatThrownBy(
                        () -> fixture.workspace(TOKEN).createWorktree(url, "main", "job-3", fixture.worktree("job-3")))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("fetch from " + url + " failed")
                .hasMessageContaining("connection refused")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void missingLocalRepositoryIsReportedAsNotFound() {
        String url = TestRepositories.fileUrl(temp.resolve("nowhere.git"));

        assertThatThrownBy(() -> fixture.workspace().createWorktree(url, "main", "job-4", fixture.worktree("job-4")))
                .isInstanceOf(GitException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("repository not found");
    }

    @Test
    void directoryOutsideTheRootIsRejected() {
        Path remote = fixture.remote("project.git");
        String url = TestRepositories.fileUrl(remote);

        assertThatThrownBy(() -> fixture.workspace().createWorktree(url, "main", "b1", temp.resolve("elsewhere")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("inside the worktree root");
        assertThatThrownBy(() -> fixture.workspace().createWorktree(url, "main", "b2", fixture.worktreeRoot))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> fixture.workspace()
                        .createWorktree(url, "main", "b3", fixture.worktreeRoot.resolve("../escape")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void existingBranchOrDirectoryIsRejected() {
        Path remote = fixture.remote("project.git");
        String url = TestRepositories.fileUrl(remote);
        JGitWorkspace workspace = fixture.workspace();
        workspace.createWorktree(url, "main", "job-5", fixture.worktree("job-5"));

        assertThatThrownBy(() -> workspace.createWorktree(url, "main", "job-5", fixture.worktree("other")))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("branch 'job-5' already exists");
        assertThatThrownBy(() -> workspace.createWorktree(url, "main", "job-6", fixture.worktree("job-5")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("already exists");
        assertThat(fixture.worktree("other")).doesNotExist();
    }

    @Test
    void invalidBranchNameIsRejected() {
        Path remote = fixture.remote("project.git");

        assertThatThrownBy(() -> fixture.workspace()
                        .createWorktree(TestRepositories.fileUrl(remote), "main", "bad..name", fixture.worktree("w")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'bad..name' is not a valid git branch name");
    }

    @Test
    void repositoryExistsTellsFoundFromMissing() throws Exception {
        fixture.remote("private.git");
        try (GitHttpServer server = GitHttpServer.start(fixture.remotes, null, TOKEN)) {
            assertThat(fixture.workspace(TOKEN).repositoryExists(server.url("private.git")))
                    .isTrue();
            assertThat(fixture.workspace(TOKEN).repositoryExists(server.url("absent.git")))
                    .isFalse();
            assertThat(fixture.workspace("wrong").repositoryExists(server.url("private.git")))
                    .isFalse();
        }
        assertThat(fixture.workspace().repositoryExists(TestRepositories.fileUrl(temp.resolve("none.git"))))
                .isFalse();
    }

    @Test
    void repositoryExistsThrowsOnNetworkErrors() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/owner/repo.git";

        assertThatThrownBy(() -> fixture.workspace().repositoryExists(url))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("connection refused");
    }

    private static void pointHeadAt(Path bare, String branch) throws IOException {
        try (Git git = Git.open(bare.toFile())) {
            Repository repository = git.getRepository();
            RefUpdate update = repository.updateRef("HEAD");
            update.link("refs/heads/" + branch);
        }
    }
}
