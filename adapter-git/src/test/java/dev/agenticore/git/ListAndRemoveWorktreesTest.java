package dev.agenticore.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.workspace.WorktreeCheckout;
import dev.agenticore.core.workspace.WorktreeInfo;
import dev.agenticore.testkit.git.TestRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ListAndRemoveWorktreesTest {
    @TempDir
    Path temp;

    private GitFixture fixture;
    private JGitWorkspace workspace;
    private String url;

    @BeforeEach
    void createRemote() {
        fixture = new GitFixture(temp);
        workspace = fixture.workspace();
        url = TestRepositories.fileUrl(fixture.remote("project.git"));
    }

    @Test
    void listShowsAgeSizeAndPushed() throws Exception {
        WorktreeCheckout older = workspace.createWorktree(url, "main", "job-old", fixture.worktree("job-old"));
        WorktreeCheckout newer = workspace.createWorktree(url, "main", "job-new", fixture.worktree("job-new"));
        Path olderAdmin = fixture.reposRoot.resolve(older.repoKey()).resolve("worktrees/job-old/commondir");
        Files.setLastModifiedTime(olderAdmin, FileTime.from(Instant.now().minus(Duration.ofMinutes(150))));
        Files.writeString(newer.directory().resolve("NEW.md"), "pushed\n");
        workspace.commitAll(newer.directory(), "Add a file");
        workspace.push(newer.directory(), "job-new");
        Files.createSymbolicLink(newer.directory().resolve("link"), temp);

        List<WorktreeInfo> worktrees = workspace.listWorktrees();

        assertThat(worktrees).extracting(WorktreeInfo::branch).containsExactly("job-old", "job-new");
        WorktreeInfo old = worktrees.get(0);
        WorktreeInfo pushed = worktrees.get(1);
        assertThat(old.path()).isEqualTo(older.directory());
        assertThat(old.repoKey()).isEqualTo(older.repoKey());
        assertThat(old.ageHours()).isEqualTo(2.5);
        assertThat(old.pushed()).isFalse();
        assertThat(old.sizeBytes()).isEqualTo("# Sample\n".length() + "hello\n".length());
        assertThat(pushed.ageHours()).isEqualTo(0.0);
        assertThat(pushed.pushed()).isTrue();
        assertThat(pushed.sizeBytes()).isEqualTo(old.sizeBytes() + "pushed\n".length());
    }

    @Test
    void listSkipsWorktreesWhoseDirectoryIsGone() throws Exception {
        WorktreeCheckout checkout = workspace.createWorktree(url, "main", "job-gone", fixture.worktree("job-gone"));
        LinkedWorktrees.deleteTree(checkout.directory());

        assertThat(workspace.listWorktrees()).isEmpty();
    }

    @Test
    void describeMatchesListEntry() throws Exception {
        WorktreeCheckout older = workspace.createWorktree(url, "main", "job-one", fixture.worktree("job-one"));
        WorktreeCheckout pushed = workspace.createWorktree(url, "main", "job-two", fixture.worktree("job-two"));
        Path olderAdmin = fixture.reposRoot.resolve(older.repoKey()).resolve("worktrees/job-one/commondir");
        Files.setLastModifiedTime(olderAdmin, FileTime.from(Instant.now().minus(Duration.ofMinutes(90))));
        Files.writeString(pushed.directory().resolve("NEW.md"), "pushed\n");
        workspace.commitAll(pushed.directory(), "Add a file");
        workspace.push(pushed.directory(), "job-two");

        WorktreeInfo olderInfo = workspace.describeWorktree(older.directory()).orElseThrow();
        WorktreeInfo pushedInfo = workspace.describeWorktree(pushed.directory()).orElseThrow();

        assertThat(olderInfo).isEqualTo(workspace.listWorktrees().get(0));
        assertThat(olderInfo.path()).isEqualTo(older.directory());
        assertThat(olderInfo.repoKey()).isEqualTo(older.repoKey());
        assertThat(olderInfo.branch()).isEqualTo("job-one");
        assertThat(olderInfo.ageHours()).isEqualTo(1.5);
        assertThat(olderInfo.sizeBytes()).isEqualTo("# Sample\n".length() + "hello\n".length());
        assertThat(olderInfo.pushed()).isFalse();
        assertThat(pushedInfo.pushed()).isTrue();
        assertThat(pushedInfo.sizeBytes()).isEqualTo(olderInfo.sizeBytes() + "pushed\n".length());
    }

    @Test
    void describeOfDeletedDirectoryIsEmpty() throws Exception {
        WorktreeCheckout checkout = workspace.createWorktree(url, "main", "job-lost", fixture.worktree("job-lost"));
        LinkedWorktrees.deleteTree(checkout.directory());

        assertThat(workspace.describeWorktree(checkout.directory())).isEmpty();
    }

    @Test
    void describeIgnoresOtherPaths() throws Exception {
        WorktreeCheckout checkout = workspace.createWorktree(url, "main", "job-real", fixture.worktree("job-real"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path plain = Files.createDirectories(fixture.worktreeRoot.resolve("plain"));

        assertThat(workspace.describeWorktree(outside)).isEmpty();
        assertThat(workspace.describeWorktree(plain)).isEmpty();
        assertThat(workspace.describeWorktree(fixture.worktreeRoot)).isEmpty();
        assertThat(workspace.describeWorktree(checkout.directory().resolve("src")))
                .isEmpty();
        assertThat(workspace.describeWorktree(fixture.worktreeRoot.resolve("missing")))
                .isEmpty();
    }

    @Test
    void removeDeletesTheDirectoryAndAdminDirectory() throws Exception {
        WorktreeCheckout checkout = workspace.createWorktree(url, "main", "job-rm", fixture.worktree("job-rm"));
        Path mirror = fixture.reposRoot.resolve(checkout.repoKey());

        workspace.removeWorktree(checkout.directory());

        assertThat(checkout.directory()).doesNotExist();
        assertThat(mirror.resolve("worktrees/job-rm")).doesNotExist();
        assertThat(workspace.listWorktrees()).isEmpty();
        GitCli.Result list = GitCli.run(mirror, "worktree", "list", "--porcelain");
        assertThat(list.output()).doesNotContain("job-rm");
        assertThat(GitCli.run(mirror, "rev-parse", "--verify", "refs/heads/job-rm")
                        .exitCode())
                .as("the branch is kept")
                .isZero();
    }

    @Test
    void removeRejectsPathsOutsideTheRoot() throws Exception {
        WorktreeCheckout checkout = workspace.createWorktree(url, "main", "job-keep", fixture.worktree("job-keep"));
        Path outside = Files.createDirectories(temp.resolve("outside"));

        assertRejected(outside, "inside the worktree root");
        assertRejected(fixture.worktreeRoot.resolve("../outside"), "inside the worktree root");
        assertRejected(fixture.worktreeRoot, "not the root itself");
        assertRejected(fixture.worktreeRoot.resolve("."), "not the root itself");
        assertRejected(fixture.worktreeRoot.resolve("missing"), "does not exist");
        assertThat(checkout.directory()).exists();
        assertThat(outside).exists();
    }

    @Test
    void removeRejectsSymbolicLinksOutOfTheRoot() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep\n");
        Files.createDirectories(fixture.worktreeRoot);
        Path link = Files.createSymbolicLink(fixture.worktreeRoot.resolve("link"), outside);

        assertRejected(link, "inside the worktree root");
        assertThat(outside.resolve("keep.txt")).exists();
        assertThat(link).exists();
    }

    @Test
    void removeRejectsDirectoriesThatAreNotWorktrees() throws Exception {
        WorktreeCheckout checkout = workspace.createWorktree(url, "main", "job-sub", fixture.worktree("job-sub"));
        Path plain = Files.createDirectories(fixture.worktreeRoot.resolve("plain"));
        Path forged = Files.createDirectories(fixture.worktreeRoot.resolve("forged"));
        Files.writeString(forged.resolve(".git"), "gitdir: " + temp.resolve("outside") + "\n");

        assertRejected(plain, "is not a linked worktree");
        assertRejected(forged, "is not a linked worktree");
        assertRejected(checkout.directory().resolve("src"), "is not a linked worktree");
        assertThat(plain).exists();
        assertThat(forged).exists();
        assertThat(checkout.directory().resolve("src/hello.txt")).exists();
    }

    private void assertRejected(Path path, String reason) {
        assertThatThrownBy(() -> workspace.removeWorktree(path))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(path.toString())
                .hasMessageContaining(reason);
    }
}
