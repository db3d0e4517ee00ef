package dev.agenticore.git;

import dev.agenticore.core.workspace.GitException;
import dev.agenticore.core.workspace.WorktreeInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists the linked worktrees of every mirror with their age, size and whether they were pushed. */
final class WorktreeInventory {
    private static final Logger LOG = LoggerFactory.getLogger(WorktreeInventory.class);

    private final Path reposRoot;
    private final Path worktreeRoot;

    WorktreeInventory(Path reposRoot, Path worktreeRoot) {
        this.reposRoot = reposRoot;
        this.worktreeRoot = worktreeRoot;
    }

    /**
     * Lists the worktrees whose directory exists inside the worktree root, oldest first. A worktree
     * counts as pushed when the mirror has {@code refs/remotes/origin/<branch>}, which a push or a
     * later fetch sets. The remote itself is not contacted.
     */
    List<WorktreeInfo> list(Instant now) {
        if (!Files.isDirectory(reposRoot) || !Files.isDirectory(worktreeRoot)) {
            return List.of();
        }

        List<WorktreeInfo> result = new ArrayList<>();
        try (Stream<Path> mirrors = Files.list(reposRoot)) {
            Path rootReal = worktreeRoot.toRealPath();
            for (Path mirror : mirrors.filter(m -> Files.isDirectory(m.resolve(LinkedWorktrees.WORKTREES)))
                    .toList()) {
                result.addAll(listMirror(mirror, rootReal, now));
            }
        } catch (IOException e) {
            throw new GitException("cannot list the mirrors in " + reposRoot + ": " + e.getMessage(), e);
        }
        result.sort(Comparator.comparing(WorktreeInfo::createdAt));
        return result;
    }

    /**
     * Describes one registered worktree as {@link #list} describes each, or returns empty when its
     * directory has gone or lies outside the worktree root.
     */
    Optional<WorktreeInfo> describe(WorktreeRegistry.Registered worktree, Instant now) {
        try (Repository repository = MirrorCache.open(worktree.mirror())) {
            return describe(repository, worktree.admin(), worktreeRoot.toRealPath(), now, worktree.repoKey());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new GitException("cannot read the worktree " + worktree.directory() + ": " + e.getMessage(), e);
        }
    }

    private List<WorktreeInfo> listMirror(Path mirror, Path rootReal, Instant now) throws IOException {
        List<WorktreeInfo> result = new ArrayList<>();
        try (Stream<Path> admins = Files.list(mirror.resolve(LinkedWorktrees.WORKTREES));
                Repository repository = MirrorCache.open(mirror)) {
            for (Path admin : admins.toList()) {
                try {
                    describe(
                                    repository,
                                    admin,
                                    rootReal,
                                    now,
                                    mirror.getFileName().toString())
                            .ifPresent(result::add);
                } catch (IOException e) {
                    LOG.warn("Skipping the worktree registered in {}: {}", admin, e.toString());
                }
            }
        }
        return result;
    }

    private Optional<WorktreeInfo> describe(
            Repository repository, Path admin, Path rootReal, Instant now, String repoKey) throws IOException {
        Path gitdirFile = admin.resolve(LinkedWorktrees.GITDIR);
        if (!Files.isRegularFile(gitdirFile)) {
            return Optional.empty();
        }
        Path directory = Path.of(
                        Files.readString(gitdirFile, StandardCharsets.UTF_8).strip())
                .getParent();
        if (directory == null
                || !Files.isDirectory(directory)
                || !directory.toRealPath().startsWith(rootReal)) {
            return Optional.empty();
        }

        String branch = branch(admin);
        Instant createdAt = createdAt(admin);
        double ageHours = Math.round(Duration.between(createdAt, now).toMillis() / 360_000.0) / 10.0;
        boolean pushed = !branch.isEmpty() && repository.exactRef("refs/remotes/origin/" + branch) != null;
        return Optional.of(
                new WorktreeInfo(directory, repoKey, branch, createdAt, ageHours, sizeBytes(directory), pushed));
    }

    /** Returns the branch in the worktree's HEAD, or empty when it is detached. */
    private static String branch(Path admin) throws IOException {
        String head = Files.readString(admin.resolve(Constants.HEAD), StandardCharsets.UTF_8)
                .strip();
        String prefix = "ref: " + Constants.R_HEADS;
        return head.startsWith(prefix) ? head.substring(prefix.length()) : "";
    }

    /**
     * Returns the modification time of the admin directory's {@code commondir} file, which is written
     * once when the worktree is added. The directory's own time changes with every index write.
     */
    private static Instant createdAt(Path admin) throws IOException {
        Path marker = admin.resolve(LinkedWorktrees.COMMONDIR);
        Path source = Files.exists(marker) ? marker : admin;
        return Files.getLastModifiedTime(source).toInstant();
    }

    /** Adds up the sizes of the regular files, skipping the top-level {@code .git} file and not following links. */
    private static long sizeBytes(Path directory) throws IOException {
        Path dotGit = directory.resolve(Constants.DOT_GIT);
        long[] total = {0};
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !file.equals(dotGit)) {
                    total[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
