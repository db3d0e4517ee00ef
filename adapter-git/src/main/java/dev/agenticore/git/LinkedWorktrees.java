package dev.agenticore.git;

import dev.agenticore.core.workspace.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Adds linked worktrees to a mirror in the layout that command-line git writes and reads, because
 * JGit opens linked worktrees but cannot add them:
 *
 * <pre>
 * &lt;mirror&gt;/worktrees/&lt;name&gt;/HEAD       ref: refs/heads/&lt;branch&gt;
 * &lt;mirror&gt;/worktrees/&lt;name&gt;/commondir  ../..
 * &lt;mirror&gt;/worktrees/&lt;name&gt;/gitdir     &lt;directory&gt;/.git (absolute)
 * &lt;mirror&gt;/worktrees/&lt;name&gt;/index      written by the checkout
 * &lt;directory&gt;/.git                     gitdir: &lt;mirror&gt;/worktrees/&lt;name&gt;
 * </pre>
 *
 * <p>The branch is created in the mirror's {@code refs/heads}, which all worktrees of the mirror share.
 */
final class LinkedWorktrees {
    /** Directory of the worktrees' administrative directories inside a mirror. */
    static final String WORKTREES = "worktrees";

    /** File in an administrative directory that is written once, when the worktree is added. */
    static final String COMMONDIR = "commondir";

    /** File in an administrative directory with the absolute path of the worktree's {@code .git} file. */
    static final String GITDIR = "gitdir";

    private LinkedWorktrees() {}

    /**
     * Adds a worktree on a new branch at a commit and checks the commit out. The lock is held only
     * while the administrative files and the branch are written, not during the checkout.
     *
     * @param directory absolute, normalized path that does not exist yet and whose parent exists
     */
    static void add(Path mirror, ReentrantLock lock, String branch, Path directory, ObjectId commit)
            throws IOException {
        Path admin;
        lock.lock();
        try {
            admin = register(mirror, branch, directory, commit);
        } finally {
            lock.unlock();
        }

        try {
            checkout(admin, directory, commit);
        } catch (IOException | RuntimeException e) {
            discard(mirror, branch, directory, admin);
            throw e;
        }
    }

    /** Opens a linked worktree's repository from its administrative directory. */
    static Repository openWorktree(Path admin, Path directory) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(admin.toFile())
                .setWorkTree(directory.toFile())
                .setMustExist(true)
                .build();
    }

    /** Returns the administrative directory that a worktree's {@code .git} file points to. */
    static Path adminDirectory(Path directory) throws IOException {
        String content = Files.readString(directory.resolve(Constants.DOT_GIT), StandardCharsets.UTF_8)
                .strip();
        if (!content.startsWith("gitdir:")) {
            throw new IOException(directory.resolve(Constants.DOT_GIT) + " does not start with 'gitdir:'");
        }
        return Path.of(content.substring("gitdir:".length()).strip());
    }

    private static Path register(Path mirror, String branch, Path directory, ObjectId commit) throws IOException {
        Path admin = reserveAdminDirectory(mirror, directory.getFileName().toString());
        Files.writeString(admin.resolve(COMMONDIR), "../..\n", StandardCharsets.UTF_8);
        Files.writeString(admin.resolve(GITDIR), directory.resolve(Constants.DOT_GIT) + "\n", StandardCharsets.UTF_8);
        Files.writeString(admin.resolve(Constants.HEAD), "ref: " + Constants.R_HEADS + branch + "\n");

        try {
            createBranch(mirror, branch, commit);
            Files.createDirectory(directory);
        } catch (IOException | RuntimeException e) {
            deleteTree(admin);
            throw e;
        }

        Files.writeString(directory.resolve(Constants.DOT_GIT), "gitdir: " + admin + "\n", StandardCharsets.UTF_8);
        return admin;
    }

    /** Creates {@code <mirror>/worktrees/<name>}, or {@code <name>1}, {@code <name>2}… when taken, as git does. */
    private static Path reserveAdminDirectory(Path mirror, String name) throws IOException {
        Path worktrees = Files.createDirectories(mirror.resolve(WORKTREES));
        for (int suffix = 0; ; suffix++) {
            Path candidate = worktrees.resolve(suffix == 0 ? name : name + suffix);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // Taken by another worktree: try the next suffix.
            }
        }
    }

    private static void createBranch(Path mirror, String branch, ObjectId commit) throws IOException {
        try (Repository repository = MirrorCache.open(mirror)) {
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            update.setNewObjectId(commit);
            update.setRefLogMessage("branch: Created by Agenticore", false);
            RefUpdate.Result result = update.update();
            if (result == RefUpdate.Result.LOCK_FAILURE && repository.exactRef(Constants.R_HEADS + branch) != null) {
                throw new GitException("branch '" + branch + "' already exists in the mirror " + mirror
                        + "; choose another branch name");
            }
            if (result != RefUpdate.Result.NEW) {
                throw new GitException("cannot create branch '" + branch + "' in the mirror " + mirror + ": " + result);
            }
        }
    }

    private static void checkout(Path admin, Path directory, ObjectId commit) throws IOException {
        try (Repository worktree = openWorktree(admin, directory);
                RevWalk walk = new RevWalk(worktree)) {
            RevCommit parsed = walk.parseCommit(commit);
            DirCache index = worktree.lockDirCache();
            DirCacheCheckout checkout = new DirCacheCheckout(worktree, index, parsed.getTree());
            checkout.setFailOnConflict(true);
            checkout.checkout();
        }
    }

    private static void discard(Path mirror, String branch, Path directory, Path admin) throws IOException {
        deleteTree(directory);
        deleteTree(admin);
        try (Repository repository = MirrorCache.open(mirror)) {
            RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
            update.setForceUpdate(true);
            update.delete();
        }
    }

    /** Deletes a directory tree without following symbolic links. A missing path is not an error. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(root)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : deepestFirst) {
            Files.delete(path);
        }
    }
}
