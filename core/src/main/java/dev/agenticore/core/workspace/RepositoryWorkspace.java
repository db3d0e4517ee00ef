package dev.agenticore.core.workspace;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.profile.Profile;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working directories for jobs with repositories: a prepared worktree when the job names one, a
 * worktree of its own on branch {@code agenticore/<job id prefix>} when it names a repository, and
 * a scratch directory otherwise. After a successful job it commits the changes, pushes the branch
 * and opens a pull request into the base branch. Thread-safe.
 */
public final class RepositoryWorkspace implements JobWorkspace {
    private static final Logger log = LoggerFactory.getLogger(RepositoryWorkspace.class);

    private final WorktreeService worktrees;
    private final GitWorkspace git;
    private final CodeHost codeHost;
    private final ScratchWorkspace scratch;

    /** Creates the workspace; job configuration and scratch directories go under {@code scratchRoot}. */
    public RepositoryWorkspace(WorktreeService worktrees, GitWorkspace git, CodeHost codeHost, Path scratchRoot) {
        this.worktrees = worktrees;
        this.git = git;
        this.codeHost = codeHost;
        this.scratch = new ScratchWorkspace(scratchRoot);
    }

    @Override
    public PreparedWorkspace prepare(Job job, Profile profile) {
        PreparedWorkspace own = scratch.prepare(job, profile);
        if (!job.worktreeId().isEmpty()) {
            Worktree prepared = worktrees.get(job.worktreeId());
            if (!job.repoUrl().isEmpty()
                    && !git.repositoryKey(job.repoUrl()).equals(git.repositoryKey(prepared.repoUrl()))) {
                throw new WorkspaceException("worktree " + prepared.id() + " belongs to " + prepared.repoUrl()
                        + ", not " + job.repoUrl() + "; leave repo_url empty or name the worktree's repository");
            }
            Worktree claimed = worktrees.claim(job.worktreeId(), job.id());
            return new PreparedWorkspace(
                    Path.of(claimed.path()), own.configDirectory(), claimed.branch(), claimed.id());
        }
        if (job.repoUrl().isEmpty()) {
            return own;
        }
        if (job.createRepo() && !git.repositoryExists(job.repoUrl())) {
            log.info("Job {}: creating repository {}", job.id(), job.repoUrl());
            codeHost.createRepository(job.repoUrl(), job.privateRepo());
        }
        String branch =
                "agenticore/" + job.id().substring(0, Math.min(8, job.id().length()));
        Worktree created = worktrees.prepareForJob(job.repoUrl(), job.baseRef(), branch, job.id());
        return new PreparedWorkspace(Path.of(created.path()), own.configDirectory(), created.branch(), created.id());
    }

    @Override
    public Publication publish(Job job, Profile profile, PreparedWorkspace workspace) {
        if (workspace.worktreeId().isEmpty()) {
            return Publication.NOTHING;
        }
        Worktree worktree = worktrees.get(workspace.worktreeId());
        String base = worktree.baseRef();
        try {
            git.commitAll(workspace.directory(), "Apply changes from Agenticore job " + job.id() + "\n\n" + job.task());
            if (!git.hasCommitsBeyond(workspace.directory(), base)) {
                log.info("Job {}: no changes, so no pull request", job.id());
                return Publication.NOTHING;
            }
            git.push(workspace.directory(), workspace.branch());
            String url = codeHost.openPullRequest(new PullRequest(
                    worktree.repoUrl(),
                    workspace.branch(),
                    base,
                    PullRequestText.title(job.task()),
                    PullRequestText.body(job.id(), job.task(), job.profile())));
            log.info("Job {}: pull request {}", job.id(), url);
            return new Publication(url, null);
        } catch (GitException | CodeHostException e) {
            log.warn("Job {}: pull request not opened: {}", job.id(), e.getMessage());
            return new Publication(null, "the job succeeded but its pull request was not opened: " + e.getMessage());
        }
    }

    @Override
    public void release(Job job, PreparedWorkspace workspace) {
        if (!workspace.worktreeId().isEmpty()) {
            worktrees.release(workspace.worktreeId());
        }
    }
}
