package dev.agenticore.core.job;

import dev.agenticore.core.InvalidRequestException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a {@link JobRequest} and rejects it with a message that names the field and the fix. */
public final class JobRequestValidator {
    /** Maximum task length in characters. */
    public static final int MAX_TASK_LENGTH = 100_000;

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern WORKTREE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_PATH_LENGTH = 4096;

    private final boolean allowFileUrls;
    private final List<Path> mcpFileRoots;

    /** Creates a validator that rejects {@code file://} repositories and every {@code file_path}. */
    public JobRequestValidator(boolean allowFileUrls) {
        this(allowFileUrls, List.of());
    }

    /**
     * Creates a validator.
     *
     * @param allowFileUrls whether {@code file://} repositories pass
     * @param mcpFileRoots directories a {@code file_path} must lie in
     */
    public JobRequestValidator(boolean allowFileUrls, List<Path> mcpFileRoots) {
        this.allowFileUrls = allowFileUrls;
        this.mcpFileRoots = List.copyOf(mcpFileRoots);
    }

    /**
     * Checks every field of a request.
     *
     * @throws InvalidRequestException for the first invalid field
     */
    public void validate(JobRequest request) {
        validateTask(request.task());
        if (!request.repoUrl().isEmpty()) {
            RepositoryUrls.problem(request.repoUrl(), allowFileUrls).ifPresent(problem -> {
                throw invalid("repo_url", request.repoUrl(), problem);
            });
        }
        if (!request.baseRef().isEmpty()) {
            GitRefNames.problem(request.baseRef()).ifPresent(problem -> {
                throw invalid("base_ref", request.baseRef(), "it is not a valid git branch name: " + problem);
            });
        }
        requireMatch("session_id", request.sessionId(), SESSION_ID, "a Claude session id such as a UUID");
        requireMatch("worktree_id", request.worktreeId(), WORKTREE_ID, "an id returned by prepare_worktree");
        validateFilePath(request.filePath(), mcpFileRoots);
        if (request.createRepo() && request.repoUrl().isEmpty()) {
            throw new InvalidRequestException(
                    "create_repo", "create_repo is true but repo_url is empty; name the repository to create");
        }
    }

    private static void validateTask(String task) {
        if (task.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)) {
            throw new InvalidRequestException(
                    "task",
                    "task contains a control character such as NUL; send plain text with line breaks and tabs only");
        }
        if (task.isBlank()) {
            throw new InvalidRequestException("task", "task must not be blank; describe what the agent should do");
        }
        if (task.length() > MAX_TASK_LENGTH) {
            throw new InvalidRequestException(
                    "task",
                    "task is " + task.length() + " characters long; the limit is " + MAX_TASK_LENGTH + " characters");
        }
    }

    private static void validateFilePath(String path, List<Path> roots) {
        if (path.isEmpty()) {
            return;
        }
        if (path.length() > MAX_PATH_LENGTH || path.chars().anyMatch(c -> c < 0x20) || path.startsWith("-")) {
            throw invalid("file_path", abbreviate(path), "use an absolute path to a .mcp.json file");
        }
        if (!path.startsWith("/") || !path.endsWith(".json")) {
            throw invalid("file_path", path, "it must be an absolute path to a .json file such as .mcp.json");
        }
        Path normalized = Path.of(path).normalize();
        if (roots.stream().noneMatch(normalized::startsWith)) {
            throw invalid(
                    "file_path",
                    path,
                    roots.isEmpty()
                            ? "MCP files are disabled; list their directories in AGENTICORE_MCP_FILE_ROOTS to allow them"
                            : "it must lie in one of the directories of AGENTICORE_MCP_FILE_ROOTS: " + roots);
        }
    }

    private static void requireMatch(String field, String value, Pattern pattern, String expected) {
        if (!value.isEmpty() && !pattern.matcher(value).matches()) {
            throw invalid(field, abbreviate(value), "expected " + expected);
        }
    }

    private static InvalidRequestException invalid(String field, String value, String reason) {
        return new InvalidRequestException(field, field + " '" + abbreviate(value) + "' is invalid: " + reason);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
