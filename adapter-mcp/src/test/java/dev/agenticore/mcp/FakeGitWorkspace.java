package dev.agenticore.mcp;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.workspace.GitWorkspace;
import dev.agenticore.core.workspace.WorktreeCheckout;
import dev.agenticore.core.workspace.WorktreeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A git workspace that only creates and deletes directories, so that worktree tools run without git
 * or a network. Repository URLs are never contacted.
 */
final class FakeGitWorkspace implements GitWorkspace {
    private final Map<Path, WorktreeInfo> worktrees = new ConcurrentHashMap<>();

    @Override
    public WorktreeCheckout createWorktree(String repoUrl, String baseRef, String branch, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = repositoryKey(repoUrl);
        worktrees.put(directory, new WorktreeInfo(directory, key, branch, Instant.now(), 0.0, 0, false));
        return new WorktreeCheckout(directory, key, branch, baseRef, "0123456789abcdef0123456789abcdef01234567");
    }

    @Override
    public Optional<String> commitAll(Path worktree, String message) {
        return Optional.empty();
    }

    @Override
    public boolean hasCommitsBeyond(Path worktree, String baseRef) {
        return false;
    }

    @Override
    public void push(Path worktree, String branch) {}

    @Override
    public boolean repositoryExists(String repoUrl) {
        return true;
    }

    @Override
    public List<WorktreeInfo> listWorktrees() {
        List<WorktreeInfo> listed = new ArrayList<>(worktrees.values());
        listed.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return listed;
    }

    @Override
    public void removeWorktree(Path path) {
        if (worktrees.remove(path) == null) {
            throw new InvalidRequestException("paths", "'" + path + "' is not a worktree under the worktree root");
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String repositoryKey(String repoUrl) {
        return repoUrl.replaceAll("(\\.git)?/*$", "");
    }
}
