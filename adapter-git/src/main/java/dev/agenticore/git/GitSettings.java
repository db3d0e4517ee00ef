package dev.agenticore.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link JGitWorkspace}.
 *
 * @param reposRoot directory of the repository mirrors, one subdirectory per repository key
 * @param worktreeRoot directory that every worktree must be inside
 * @param authorName author and committer name of {@link JGitWorkspace#commitAll} commits
 * @param authorEmail author and committer email of {@link JGitWorkspace#commitAll} commits
 * @param networkTimeout timeout of each network read or write during fetch, push and ls-remote,
 *     rounded up to whole seconds because JGit takes seconds
 */
public record GitSettings(
        Path reposRoot, Path worktreeRoot, String authorName, String authorEmail, Duration networkTimeout) {

    /** Default author and committer name. */
    public static final String DEFAULT_AUTHOR_NAME = "Agenticore";

    /** Default author and committer email. */
    public static final String DEFAULT_AUTHOR_EMAIL = "agenticore@localhost";

    /** Default network timeout. */
    public static final Duration DEFAULT_NETWORK_TIMEOUT = Duration.ofSeconds(60);

    public GitSettings {
        Objects.requireNonNull(reposRoot, "reposRoot must not be null");
        Objects.requireNonNull(worktreeRoot, "worktreeRoot must not be null");
        Objects.requireNonNull(authorName, "authorName must not be null");
        Objects.requireNonNull(authorEmail, "authorEmail must not be null");
        Objects.requireNonNull(networkTimeout, "networkTimeout must not be null");
        if (networkTimeout.isNegative() || networkTimeout.isZero()) {
            throw new IllegalArgumentException("networkTimeout must be positive, got " + networkTimeout);
        }
        reposRoot = reposRoot.toAbsolutePath().normalize();
        worktreeRoot = worktreeRoot.toAbsolutePath().normalize();
    }

    /**
     * Reads the roots from {@code AGENTICORE_REPOS_ROOT} and {@code AGENTICORE_WORKTREE_ROOT}, falling
     * back to {@code <home>/agenticore-repos} and {@code <home>/.agenticore/worktrees}. The author and
     * timeout take their defaults.
     *
     * @param environment environment variables, for example {@link System#getenv()}
     * @param home the user's home directory
     */
    public static GitSettings fromEnvironment(Map<String, String> environment, Path home) {
        Path repos = pathOr(environment.get("AGENTICORE_REPOS_ROOT"), home.resolve("agenticore-repos"));
        Path worktrees = pathOr(
                environment.get("AGENTICORE_WORKTREE_ROOT"),
                home.resolve(".agenticore").resolve("worktrees"));
        return new GitSettings(repos, worktrees, DEFAULT_AUTHOR_NAME, DEFAULT_AUTHOR_EMAIL, DEFAULT_NETWORK_TIMEOUT);
    }

    /** Returns the network timeout in whole seconds, at least 1, as JGit's transport commands take it. */
    int timeoutSeconds() {
        long seconds = networkTimeout.toSeconds() + (networkTimeout.toNanosPart() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
