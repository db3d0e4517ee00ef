package dev.agenticore.git;

import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.workspace.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;

/**
 * Checks worktree paths against the worktree root and finds the mirror a worktree belongs to.
 *
 * <p>A path is checked after resolving symbolic links and {@code ..}, so a link inside the root that
 * points outside it is rejected.
 */
final class WorktreeRegistry {
    private final Path reposRoot;
    private final Path worktreeRoot;

    /**
     * A linked worktree registered in a mirror.
     *
     * @param directory real path of the worktree
     * @param admin real path of its administrative directory, {@code <mirror>/worktrees/<name>}
     * @param mirror real path of the mirror
     */
    record Registered(Path directory, Path admin, Path mirror) {
        /** Returns the repository key, the mirror's directory name. */
        String repoKey() {
            return mirror.getFileName().toString();
        }
    }

    WorktreeRegistry(Path reposRoot, Path worktreeRoot) {
        this.reposRoot = reposRoot;
        this.worktreeRoot = worktreeRoot;
    }

    Path worktreeRoot() {
        return worktreeRoot;
    }

    /**
     * Checks where a new worktree goes, creating the root and missing parents inside it.
     *
     * @return the directory with its parent's symbolic links resolved
     * @throws InvalidRequestException when the directory is not inside the root or already exists
     */
    Path prepareNewDirectory(Path directory) {
        Path normalized = directory.toAbsolutePath().normalize();
        try {
            Path rootReal = Files.createDirectories(worktreeRoot).toRealPath();
            boolean inside = normalized.startsWith(worktreeRoot) || normalized.startsWith(rootReal);
            if (!inside || normalized.equals(worktreeRoot) || normalized.equals(rootReal)) {
                throw outsideRoot("directory", directory);
            }

            Path parentReal = Files.createDirectories(normalized.getParent()).toRealPath();
            if (!parentReal.startsWith(rootReal)) {
                throw outsideRoot("directory", directory);
            }
            Path target = parentReal.resolve(normalized.getFileName());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidRequestException(
                        "directory", "the worktree directory " + directory + " already exists; choose a new one");
            }
            return target;
        } catch (IOException e) {
            throw new GitException("cannot prepare the worktree directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Resolves a path to a registered worktree inside the root.
     *
     * @throws InvalidRequestException when the path does not exist, resolves outside the root or to the
     *     root itself, or is not a worktree registered in a mirror under the repos root
     */
    Registered requireRegistered(Path path) {
        Path real;
        Path rootReal;
        try {
            rootReal = worktreeRoot.toRealPath();
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException("path", "the worktree " + path + " does not exist");
        } catch (IOException e) {
            throw new GitException("cannot resolve the worktree path " + path + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(rootReal) || real.equals(rootReal)) {
            throw outsideRoot("path", path);
        }

        try {
            Registered registered = registration(real);
            if (registered != null) {
                return registered;
            }
        } catch (IOException e) {
            // Unreadable or dangling administrative files: not a worktree this workspace manages.
        }
        throw new InvalidRequestException(
                "path",
                "the path " + path + " is not a linked worktree of a mirror under " + reposRoot
                        + "; only worktrees that this server created can be removed");
    }

    /**
     * Resolves a path to a registered worktree inside the root, like {@link #requireRegistered}, but
     * returns empty where that method rejects the path.
     *
     * @throws GitException when the path or the root exists but cannot be resolved
     */
    Optional<Registered> find(Path path) {
        Path real;
        Path rootReal;
        try {
            rootReal = worktreeRoot.toRealPath();
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new GitException("cannot resolve the worktree path " + path + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(rootReal) || real.equals(rootReal)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(registration(real));
        } catch (IOException e) {
            // Unreadable or dangling administrative files: not a worktree this workspace manages.
            return Optional.empty();
        }
    }

    /** Returns the registration of a directory whose {@code .git} file and admin directory point at each other, or null. */
    private Registered registration(Path real) throws IOException {
        Path dotGit = real.resolve(Constants.DOT_GIT);
        if (!Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }

        Path admin = LinkedWorktrees.adminDirectory(real).toRealPath();
        Path worktrees = admin.getParent();
        Path mirror = worktrees == null ? null : worktrees.getParent();
        if (mirror == null
                || !worktrees.getFileName().toString().equals(LinkedWorktrees.WORKTREES)
                || !mirror.getParent().equals(reposRoot.toRealPath())) {
            return null;
        }

        Path gitdir = Path.of(Files.readString(admin.resolve(LinkedWorktrees.GITDIR), StandardCharsets.UTF_8)
                .strip());
        if (!gitdir.toRealPath().equals(dotGit)) {
            return null;
        }
        return new Registered(real, admin, mirror);
    }

    private InvalidRequestException outsideRoot(String field, Path path) {
        return new InvalidRequestException(
                field,
                "the " + field + " " + path + " must be a worktree directory inside the worktree root " + worktreeRoot
                        + ", not the root itself, after resolving symbolic links and '..'");
    }
}
