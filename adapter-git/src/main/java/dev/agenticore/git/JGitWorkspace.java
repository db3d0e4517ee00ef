package dev.agenticore.git;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.workspace.GitException;
import dev.agenticore.core.workspace.GitWorkspace;
import dev.agenticore.core.workspace.RepositoryLocks;
import dev.agenticore.core.workspace.WorktreeCheckout;
import dev.agenticore.core.workspace.WorktreeInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GitWorkspace} on JGit: a bare mirror per repository under the repos root, and linked
 * worktrees under the worktree root that command-line git also accepts.
 *
 * <p>Thread safety: all methods may be called concurrently. Each repository key has one lock in this
 * process. It is held only while the mirror is fetched and while a new worktree's administrative files
 * and branch are written. So jobs on one repository wait for each other's fetches, but not for each
 * other's checkouts or work. Fetching also takes an exclusive file lock on {@code <mirror>/.lock}, so
 * two processes that share the repos root do not fetch into one mirror at once. Commit, push and
 * listing run without locks because they only read or touch the worktree's own branch and files.
 *
 * <p>Credentials: for {@code http://} and {@code https://} remotes, the token from the supplier is sent
 * as the password of user {@code x-access-token}. It is never written to a URL or config file, and it
 * is replaced by {@code ***} in exception messages.
 *
 * <p>NOTE: {@code ssh://} and {@code git@host:path} remotes need an SSH implementation for JGit on the
 * class path, such as {@code org.eclipse.jgit.ssh.apache}, which this module does not bring.
 */
public final class JGitWorkspace implements GitWorkspace {
    private static final Logger LOG = LoggerFactory.getLogger(JGitWorkspace.class);
    private static final String ORIGIN_PREFIX = "refs/remotes/origin/";

    private final GitSettings settings;
    private final Supplier<Optional<String>> tokens;
    private final MirrorCache mirrors;
    private final WorktreeRegistry registry;
    private final WorktreeInventory inventory;
    private final WorktreeCommands commands;

    /**
     * Creates a workspace; no file is touched until the first call.
     *
     * @param settings roots, commit author and network timeout
     * @param tokens supplies the token for HTTPS remotes on each remote operation, or empty for none
     */
    public JGitWorkspace(GitSettings settings, Supplier<Optional<String>> tokens) {
        this(settings, tokens, RepositoryLocks.NONE);
    }

    /**
     * Creates a workspace whose mirror fetches also take a lock shared with other nodes, for nodes
     * of a cluster that share one repository cache.
     */
    public JGitWorkspace(GitSettings settings, Supplier<Optional<String>> tokens, RepositoryLocks sharedLocks) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
        this.mirrors = new MirrorCache(settings.reposRoot(), sharedLocks);
        this.registry = new WorktreeRegistry(settings.reposRoot(), settings.worktreeRoot());
        this.inventory = new WorktreeInventory(settings.reposRoot(), settings.worktreeRoot());
        this.commands = new WorktreeCommands(settings, this::access);
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidRequestException when the branch or base ref is not a valid branch name, or the
     *     directory is outside the worktree root or already exists
     */
    @Override
    public WorktreeCheckout createWorktree(String repoUrl, String baseRef, String branch, Path directory) {
        requireBranchName("branch", branch);
        if (!baseRef.isEmpty()) {
            requireBranchName("base_ref", baseRef);
        }
        String key = repositoryKey(repoUrl);
        Path target = registry.prepareNewDirectory(directory);
        Path mirror = mirrors.mirrorDirectory(key);
        Base base = fetchBase(key, baseRef, access(storedUrl(repoUrl)));

        try {
            LinkedWorktrees.add(mirror, mirrors.lock(key), branch, target, base.commit());
        } catch (IOException e) {
            throw new GitException("cannot add the worktree " + target + ": " + e.getMessage(), e);
        }
        LOG.info(
                "Added worktree {} on branch {} from origin/{} at {}",
                target,
                branch,
                base.name(),
                base.commit().name());
        return new WorktreeCheckout(
                target, key, branch, base.name(), base.commit().name());
    }

    @Override
    public Optional<String> commitAll(Path worktree, String message) {
        return commands.commitAll(worktree, message);
    }

    @Override
    public boolean hasCommitsBeyond(Path worktree, String baseRef) {
        return commands.hasCommitsBeyond(worktree, baseRef);
    }

    /**
     * {@inheritDoc}
     *
     * <p>On success, {@code refs/remotes/origin/<branch>} is set to the pushed commit.
     *
     * @throws GitException with the remote's reason when the push is rejected or not authorized
     */
    @Override
    public void push(Path worktree, String branch) {
        commands.push(worktree, branch);
    }

    /**
     * {@inheritDoc}
     *
     * @return true when the remote lists its refs; false when it reports the repository as missing or
     *     the request as not authorized (many hosts return the same error for both when a repository is private)
     * @throws GitException on network errors and other failures
     */
    @Override
    public boolean repositoryExists(String repoUrl) {
        RemoteAccess access = access(storedUrl(repoUrl));
        try {
            access.configure(Git.lsRemoteRepository().setRemote(access.url()).setHeads(true))
                    .call();
            return true;
        } catch (GitAPIException | JGitInternalException e) {
            RemoteAccess.Failure failure = RemoteAccess.classify(e);
            if (failure == RemoteAccess.Failure.NOT_FOUND || failure == RemoteAccess.Failure.NOT_AUTHORIZED) {
                LOG.debug("Repository {} is not available: {}", access.displayUrl(), access.reason(e));
                return false;
            }
            throw access.failure("ls-remote of", e);
        }
    }

    @Override
    public List<WorktreeInfo> listWorktrees() {
        return inventory.list(Instant.now());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only this worktree is measured. The mirror is read and the remote is not contacted.
     */
    @Override
    public Optional<WorktreeInfo> describeWorktree(Path directory) {
        return registry.find(directory).flatMap(worktree -> inventory.describe(worktree, Instant.now()));
    }

    @Override
    public void removeWorktree(Path path) {
        WorktreeRegistry.Registered worktree = registry.requireRegistered(path);
        ReentrantLock lock = mirrors.lock(worktree.repoKey());
        lock.lock();
        try {
            LinkedWorktrees.deleteTree(worktree.directory());
            LinkedWorktrees.deleteTree(worktree.admin());
        } catch (IOException e) {
            throw new GitException("cannot remove the worktree " + worktree.directory() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
        LOG.info("Removed worktree {} of {}", worktree.directory(), worktree.repoKey());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The key is the last path segment, made file-system safe, a dash and the first 12 hex digits
     * of the SHA-256 of the normalized URL: scheme and host in lower case, without user info, query,
     * trailing {@code /} or {@code .git}.
     *
     * @throws InvalidRequestException when the URL cannot be parsed
     */
    @Override
    public String repositoryKey(String repoUrl) {
        try {
            return RepositoryKeys.key(repoUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "repo_url", e.getMessage() + ": " + new RemoteAccess(repoUrl, Optional.empty(), 1).displayUrl());
        }
    }

    /** Fetches the mirror under its lock and resolves the base branch to a commit. */
    private Base fetchBase(String key, String baseRef, RemoteAccess access) {
        ReentrantLock lock = mirrors.lock(key);
        lock.lock();
        try {
            mirrors.fetch(key, access);
            return resolveBase(mirrors.mirrorDirectory(key), baseRef, access);
        } finally {
            lock.unlock();
        }
    }

    private Base resolveBase(Path mirror, String baseRef, RemoteAccess access) {
        try (Repository repository = MirrorCache.open(mirror)) {
            Optional<String> name = baseRef.isEmpty() ? MirrorCache.defaultBranch(repository) : Optional.of(baseRef);
            Ref ref = name.isEmpty() ? null : repository.exactRef(ORIGIN_PREFIX + name.get());
            if (ref == null) {
                throw missingBase(repository, name.orElse(""), access);
            }
            return new Base(name.get(), ref.getObjectId());
        } catch (IOException e) {
            throw new GitException("cannot read the mirror " + mirror + ": " + e.getMessage(), e);
        }
    }

    private static GitException missingBase(Repository repository, String name, RemoteAccess access)
            throws IOException {
        List<String> branches = MirrorCache.remoteBranches(repository);
        if (branches.isEmpty()) {
            return new GitException("the repository " + access.displayUrl() + " has no branches; push one first");
        }
        int shown = Math.min(branches.size(), 20);
        String listed = String.join(", ", branches.subList(0, shown));
        String more = branches.size() > shown ? " and " + (branches.size() - shown) + " more" : "";
        return new GitException("base branch '" + name + "' not found in " + access.displayUrl()
                + "; its branches are: " + listed + more);
    }

    private RemoteAccess access(String url) {
        return new RemoteAccess(url, tokens.get(), settings.timeoutSeconds());
    }

    /** Returns the URL for {@code remote.origin.url}: HTTP URLs lose their user info, which may hold a password. */
    private static String storedUrl(String repoUrl) {
        RemoteAccess plain = new RemoteAccess(repoUrl, Optional.empty(), 1);
        return RemoteAccess.isHttp(repoUrl) ? plain.displayUrl() : repoUrl;
    }

    private static void requireBranchName(String field, String name) {
        if (name.isEmpty() || !Repository.isValidRefName(Constants.R_HEADS + name)) {
            throw new InvalidRequestException(field, field + " '" + name + "' is not a valid git branch name");
        }
    }

    /** A resolved base: the branch name and the commit it points to in the mirror. */
    private record Base(String name, ObjectId commit) {}
}
