package dev.agenticore.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.workspace.WorktreeCheckout;
import dev.agenticore.testkit.git.TestRepositories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ConcurrentWorktreesTest {
    private static final int THREADS = 8;

    @TempDir
    Path temp;

    @Test
    void eightThreadsShareOneMirror() throws Exception {
        GitFixture fixture = new GitFixture(temp);
        String url = TestRepositories.fileUrl(fixture.remote("project.git"));
        JGitWorkspace workspace = fixture.workspace();
        CountDownLatch start = new CountDownLatch(1);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<WorktreeCheckout>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String branch = "job-" + i;
            futures.add(pool.submit(() -> {
                start.await();
                return workspace.createWorktree(url, "main", branch, fixture.worktree(branch));
            }));
        }
        start.countDown();
        List<WorktreeCheckout> checkouts = new ArrayList<>();
        for (Future<WorktreeCheckout> future : futures) {
            checkouts.add(future.get(100, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(checkouts).extracting(WorktreeCheckout::branch).doesNotHaveDuplicates();
        assertThat(checkouts)
                .extracting(WorktreeCheckout::repoKey)
                .containsOnly(checkouts.get(0).repoKey());
        Path mirror = fixture.reposRoot.resolve(checkouts.get(0).repoKey());
        GitCli.Result fsck = GitCli.run(mirror, "fsck", "--strict");
        assertThat(fsck.exitCode()).as(fsck.output()).isZero();
        GitCli.Result list = GitCli.run(mirror, "worktree", "list", "--porcelain");
        for (WorktreeCheckout checkout : checkouts) {
            assertThat(list.output()).contains("worktree " + checkout.directory() + "\n");
            assertThat(list.output()).contains("branch refs/heads/" + checkout.branch() + "\n");
            GitCli.Result status = GitCli.run(checkout.directory(), "status", "--porcelain");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).isEmpty();
        }
        assertThat(workspace.listWorktrees()).hasSize(THREADS);
    }
}
