package dev.agenticore.core.job;

/**
 * A request to run a task, with the parameters of {@code run_task} and {@code POST /jobs}. Null
 * values take the documented defaults; {@link JobRequestValidator} checks the values.
 *
 * @param task what the agent should do
 * @param repoUrl repository to work in, or empty for a scratch directory
 * @param profile execution profile name, or empty for the default profile
 * @param baseRef branch the work starts from and the pull request targets ({@code main} by default)
 * @param sessionId Claude session to resume, or empty
 * @param filePath path of a {@code .mcp.json} whose servers join the job's MCP configuration, or empty
 * @param createRepo whether to create the repository first when it does not exist
 * @param privateRepo whether a created repository is private
 * @param worktreeId prepared worktree to run in, or empty
 * @param waitForResult whether the caller waits for the job to end
 */
public record JobRequest(
        String task,
        String repoUrl,
        String profile,
        String baseRef,
        String sessionId,
        String filePath,
        boolean createRepo,
        boolean privateRepo,
        String worktreeId,
        boolean waitForResult) {

    /** Base ref used when a request names none. */
    public static final String DEFAULT_BASE_REF = "main";

    public JobRequest {
        task = task == null ? "" : task;
        repoUrl = trimToEmpty(repoUrl);
        profile = trimToEmpty(profile);
        baseRef = baseRef == null ? DEFAULT_BASE_REF : baseRef.strip();
        sessionId = trimToEmpty(sessionId);
        filePath = trimToEmpty(filePath);
        worktreeId = trimToEmpty(worktreeId);
    }

    /** Creates a request for a task with every other parameter at its default. */
    public static JobRequest of(String task) {
        return new JobRequest(task, "", "", DEFAULT_BASE_REF, "", "", false, true, "", false);
    }

    /** Returns a copy that runs in the given repository. */
    public JobRequest withRepoUrl(String value) {
        return new JobRequest(
                task, value, profile, baseRef, sessionId, filePath, createRepo, privateRepo, worktreeId, waitForResult);
    }

    /** Returns a copy that uses the given profile. */
    public JobRequest withProfile(String value) {
        return new JobRequest(
                task, repoUrl, value, baseRef, sessionId, filePath, createRepo, privateRepo, worktreeId, waitForResult);
    }

    /** Returns a copy that resumes the given Claude session. */
    public JobRequest withSessionId(String value) {
        return new JobRequest(
                task, repoUrl, profile, baseRef, value, filePath, createRepo, privateRepo, worktreeId, waitForResult);
    }

    /** Returns a copy that runs in the given prepared worktree. */
    public JobRequest withWorktreeId(String value) {
        return new JobRequest(
                task, repoUrl, profile, baseRef, sessionId, filePath, createRepo, privateRepo, value, waitForResult);
    }

    /** Returns a copy that waits, or does not wait, for the job to end. */
    public JobRequest withWait(boolean value) {
        return new JobRequest(
                task, repoUrl, profile, baseRef, sessionId, filePath, createRepo, privateRepo, worktreeId, value);
    }

    private static String trimToEmpty(String value) {
        // strip() removes white space only, so control characters stay and validation rejects them.
        return value == null ? "" : value.strip();
    }
}
