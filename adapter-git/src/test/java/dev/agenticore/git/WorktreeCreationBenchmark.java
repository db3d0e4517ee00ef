package dev.agenticore.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times worktree creation from a warm mirror: {@link JGitWorkspace#createWorktree} (fetch with prune,
 * then the linked worktree and its checkout) against command-line {@code git fetch --prune} plus
 * {@code git worktree add}, and against {@code git worktree add} alone, on a bare copy of a local
 * repository. Prints the median of 20 runs of each. Surefire does not run it because the class name
 * does not end in {@code Test}.
 *
 * <p>Run from the project root after {@code ./mvnw -B -ntp -pl adapter-git -am install}:
 *
 * <pre>
 * ./mvnw -q -pl adapter-git dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp adapter-git/target/test-classes:adapter-git/target/classes:$(cat /tmp/cp.txt) \
 *     dev.agenticore.git.WorktreeCreationBenchmark [repository, default: the current directory]
 * </pre>
 */
public final class WorktreeCreationBenchmark {
    private static final int RUNS = 20;
    private static final int WARM_UP_RUNS = 5;

    private WorktreeCreationBenchmark() {}

    /** Runs the measurement and prints one line per method. */
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path temp = Files.createTempDirectory("worktree-benchmark");
        Path bare = temp.resolve("remote.git");
        requireSuccess(GitCli.run(temp, "clone", "--bare", "--quiet", source.toString(), bare.toString()));

        GitFixture fixture = new GitFixture(temp);
        JGitWorkspace workspace = fixture.workspace();
        String url = "file://" + bare;
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            workspace.createWorktree(url, "main", "warm-" + i, fixture.worktree("warm-" + i));
        }
        Path mirror = fixture.reposRoot.resolve(workspace.repositoryKey(url));

        List<Long> jgit = new ArrayList<>();
        List<Long> cliWithFetch = new ArrayList<>();
        List<Long> cliAddOnly = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String jgitBranch = "jgit-" + i;
            String fetchBranch = "cli-fetch-" + i;
            String addBranch = "cli-add-" + i;
            jgit.add(time(() -> workspace.createWorktree(url, "main", jgitBranch, fixture.worktree(jgitBranch))));
            cliWithFetch.add(time(() -> gitFetchAndAdd(mirror, fixture.worktree(fetchBranch), fetchBranch)));
            cliAddOnly.add(time(() -> gitAdd(mirror, fixture.worktree(addBranch), addBranch)));
        }

        long files = countFiles(fixture.worktree("jgit-0"));
        System.out.printf(Locale.ROOT, "repository: %s (%d files checked out)%n", source, files);
        System.out.printf(Locale.ROOT, "JGitWorkspace.createWorktree (fetch + add): median %.1f ms%n", median(jgit));
        System.out.printf(
                Locale.ROOT, "git fetch --prune + git worktree add:       median %.1f ms%n", median(cliWithFetch));
        System.out.printf(
                Locale.ROOT, "git worktree add only:                      median %.1f ms%n", median(cliAddOnly));
        LinkedWorktrees.deleteTree(temp);
    }

    private static void gitFetchAndAdd(Path mirror, Path directory, String branch) throws Exception {
        requireSuccess(GitCli.run(mirror, "fetch", "--prune", "--quiet", "origin"));
        gitAdd(mirror, directory, branch);
    }

    private static void gitAdd(Path mirror, Path directory, String branch) throws Exception {
        requireSuccess(GitCli.run(
                mirror, "worktree", "add", "--quiet", "-b", branch, directory.toString(), "refs/remotes/origin/main"));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long time(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        double value =
                sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return value / 1_000_000.0;
    }

    private static long countFiles(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).count() - 1;
        }
    }

    private static void requireSuccess(GitCli.Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("git failed: " + result.output());
        }
    }
}
