package dev.agenticore.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.workspace.GitException;
import dev.agenticore.testkit.git.TestRepositories;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JGitContentRepositoryTest {
    private final JGitContentRepository content = new JGitContentRepository(Optional::empty, 5);

    @TempDir
    Path temp;

    @Test
    void firstUpdateClonesBranch() throws IOException {
        Path remote = TestRepositories.createBare(temp.resolve("remote.git"));
        Path checkout = temp.resolve("sync/bundle");

        content.update(TestRepositories.fileUrl(remote), "main", checkout);

        assertThat(Files.readString(checkout.resolve("README.md"))).isEqualTo("# Sample\n");
        assertThat(Files.readString(checkout.resolve("src/hello.txt"))).isEqualTo("hello\n");
    }

    @Test
    void updateFollowsNewCommits() throws IOException {
        Path remote = TestRepositories.createBare(temp.resolve("remote.git"));
        Path checkout = temp.resolve("checkout");
        content.update(TestRepositories.fileUrl(remote), "main", checkout);
        Files.writeString(checkout.resolve("README.md"), "edited locally\n");
        Files.writeString(checkout.resolve("stray.txt"), "untracked\n");
        TestRepositories.commit(remote, "main", "Add profiles", Map.of("profiles/x/profile.yml", "name: x\n"));

        content.update(TestRepositories.fileUrl(remote), "main", checkout);

        assertThat(Files.readString(checkout.resolve("README.md"))).isEqualTo("# Sample\n");
        assertThat(checkout.resolve("profiles/x/profile.yml")).exists();
        assertThat(checkout.resolve("stray.txt")).doesNotExist();
    }

    @Test
    void rewrittenBranchIsResetToRemote() throws IOException {
        Path remote = TestRepositories.createBare(temp.resolve("remote.git"));
        Path checkout = temp.resolve("checkout");
        content.update(TestRepositories.fileUrl(remote), "main", checkout);

        rewindMainByOneCommit(remote);
        content.update(TestRepositories.fileUrl(remote), "main", checkout);

        assertThat(checkout.resolve("README.md")).exists();
        assertThat(checkout.resolve("src/hello.txt")).doesNotExist();
    }

    @Test
    void otherBranchIsCheckedOut() throws IOException {
        Path remote = TestRepositories.createBare(temp.resolve("remote.git"));
        TestRepositories.commit(remote, "release", "Mark the release", Map.of("RELEASE", "1\n"));
        Path checkout = temp.resolve("checkout");

        content.update(TestRepositories.fileUrl(remote), "main", checkout);
        content.update(TestRepositories.fileUrl(remote), "release", checkout);

        assertThat(Files.readString(checkout.resolve("RELEASE"))).isEqualTo("1\n");
    }

    @Test
    void missingBranchIsReported() {
        Path remote = TestRepositories.createBare(temp.resolve("remote.git"));

        assertThatThrownBy(() -> content.update(TestRepositories.fileUrl(remote), "nope", temp.resolve("c")))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("refs/heads/nope");
    }

    @Test
    void unreachableRemoteIsReported() throws IOException {
        String url = "http://127.0.0.1:" + closedPort() + "/bundle.git";

        assertThatThrownBy(() -> content.update(url, "main", temp.resolve("c")))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("bundle.git failed");
    }

    @Test
    void foreignDirectoryIsLeftAlone() throws IOException {
        Path remote = TestRepositories.createBare(temp.resolve("remote.git"));
        Path checkout = Files.createDirectories(temp.resolve("checkout"));
        Files.writeString(checkout.resolve("keep.txt"), "mine\n");

        assertThatThrownBy(() -> content.update(TestRepositories.fileUrl(remote), "main", checkout))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("is not a git checkout");
        assertThat(checkout.resolve("keep.txt")).exists();
    }

    @Test
    void invalidBranchNameIsRejected() {
        assertThatThrownBy(() -> content.update("file:///x", "bad..name", temp.resolve("c")))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("not a valid git branch name");
    }

    private static void rewindMainByOneCommit(Path bare) throws IOException {
        try (Repository repository =
                new FileRepositoryBuilder().setGitDir(bare.toFile()).build()) {
            ObjectId parent = repository
                    .parseCommit(repository.resolve("refs/heads/main"))
                    .getParent(0)
                    .getId();
            RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
            update.setNewObjectId(parent);
            update.setForceUpdate(true);
            assertThat(update.update()).isEqualTo(RefUpdate.Result.FORCED);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
