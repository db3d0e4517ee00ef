package dev.agenticore.git;

import dev.agenticore.testkit.git.TestRepositories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Directories of one test: remotes, mirrors and worktrees under a temporary directory. */
final class GitFixture {
    final Path remotes;
    final Path reposRoot;
    final Path worktreeRoot;
    final GitSettings settings;

    GitFixture(Path temp) {
        this.remotes = temp.resolve("remotes");
        this.reposRoot = temp.resolve("repos");
        this.worktreeRoot = temp.resolve("worktrees");
        this.settings =
                new GitSettings(reposRoot, worktreeRoot, "Agenticore", "agenticore@localhost", Duration.ofSeconds(10));
    }

    /** Creates the bare remote {@code <remotes>/<name>} with two commits on main. */
    Path remote(String name) {
        return TestRepositories.createBare(remotes.resolve(name));
    }

    JGitWorkspace workspace() {
        return new JGitWorkspace(settings, Optional::empty);
    }

    JGitWorkspace workspace(String token) {
        return new JGitWorkspace(settings, () -> Optional.of(token));
    }

    Path worktree(String name) {
        return worktreeRoot.resolve(name);
    }
}
