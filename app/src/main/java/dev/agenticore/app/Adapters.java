package dev.agenticore.app;

import dev.agenticore.claude.ClaudeCodeRunner;
import dev.agenticore.core.agent.AgentRunner;
import dev.agenticore.core.event.JobEventLog;
import dev.agenticore.core.job.JobStore;
import dev.agenticore.core.profile.ProfileCatalog;
import dev.agenticore.core.workspace.CodeHost;
import dev.agenticore.core.workspace.GitWorkspace;
import dev.agenticore.core.workspace.WorktreeStore;
import dev.agenticore.file.DirectoryProfileCatalog;
import dev.agenticore.file.FileJobEventLog;
import dev.agenticore.file.FileJobStore;
import dev.agenticore.file.FileWorktreeStore;
import dev.agenticore.git.JGitWorkspace;
import dev.agenticore.github.GitHubCodeHost;
import dev.agenticore.redis.RedisCluster;
import java.time.Clock;

/**
 * The technology-specific parts of the server. {@link #forConfig} picks them from the
 * configuration; tests pass their own.
 *
 * @param jobStore job records
 * @param eventLog job event logs
 * @param worktreeStore worktree records
 * @param profiles execution profiles
 * @param agentRunner the agent
 * @param git the repository cache and worktrees
 * @param codeHost pull requests and repository creation
 * @param redis the Redis adapters whose stores are used above, or null when the server runs alone
 *     on the file store
 */
public record Adapters(
        JobStore jobStore,
        JobEventLog eventLog,
        WorktreeStore worktreeStore,
        ProfileCatalog profiles,
        AgentRunner agentRunner,
        GitWorkspace git,
        CodeHost codeHost,
        RedisCluster redis) {

    /** Returns the adapters of a server that runs alone, without Redis. */
    public Adapters(
            JobStore jobStore,
            JobEventLog eventLog,
            WorktreeStore worktreeStore,
            ProfileCatalog profiles,
            AgentRunner agentRunner,
            GitWorkspace git,
            CodeHost codeHost) {
        this(jobStore, eventLog, worktreeStore, profiles, agentRunner, git, codeHost, null);
    }

    /**
     * Returns the adapters the configuration selects: Redis stores when {@code REDIS_URL} is set,
     * else files, then Claude Code, JGit and GitHub.
     */
    public static Adapters forConfig(ServerConfig config) {
        Clock clock = Clock.systemUTC();
        GitHubCodeHost github = new GitHubCodeHost(config.github(), clock);
        ClaudeCodeRunner runner = new ClaudeCodeRunner(config.claude());
        if (config.redis() != null) {
            RedisCluster redis =
                    RedisCluster.connect(config.redis(), config.jobs().podName(), clock);
            try {
                redis.ensureNameIsFree();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                redis.close();
                throw new IllegalStateException("interrupted while checking the node name", e);
            } catch (RuntimeException e) {
                redis.close();
                throw e;
            }
            JGitWorkspace git = new JGitWorkspace(config.git(), github::gitToken, redis.repositoryLocks());
            return new Adapters(
                    redis.jobStore(),
                    redis.eventLog(),
                    redis.worktreeStore(),
                    profiles(config),
                    runner,
                    git,
                    github,
                    redis);
        }
        JGitWorkspace git = new JGitWorkspace(config.git(), github::gitToken);
        return new Adapters(
                new FileJobStore(config.jobsDir()),
                new FileJobEventLog(config.jobsDir(), clock),
                new FileWorktreeStore(config.home().resolve("worktrees-meta")),
                profiles(config),
                runner,
                git,
                github);
    }

    /** Returns the profile catalog: bundled profiles, then the configured directories. */
    public static ProfileCatalog profiles(ServerConfig config) {
        return new DirectoryProfileCatalog(config.home().resolve("bundled-profiles"), config.profileDirectories());
    }
}
