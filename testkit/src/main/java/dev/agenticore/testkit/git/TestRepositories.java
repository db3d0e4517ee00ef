package dev.agenticore.testkit.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Bare repositories for tests, written and read with JGit without a working tree.
 *
 * <p>Needs {@code org.eclipse.jgit:org.eclipse.jgit} on the test class path: testkit declares it
 * optional, so a module that uses this class declares it too.
 */
public final class TestRepositories {
    /** Author and committer of the commits these methods write. */
    public static final PersonIdent AUTHOR = new PersonIdent("Test Author", "test@localhost");

    private TestRepositories() {}

    /**
     * Creates a bare repository with two commits on {@code main}: {@code Add the readme} with
     * {@code README.md}, then {@code Add the greeting} with {@code src/hello.txt}.
     *
     * @param directory where the repository goes; it must not exist or be empty
     * @return the directory
     */
    public static Path createBare(Path directory) {
        createEmptyBare(directory);
        commit(directory, "main", "Add the readme", Map.of("README.md", "# Sample\n"));
        commit(directory, "main", "Add the greeting", Map.of("src/hello.txt", "hello\n"));
        return directory;
    }

    /** Creates a bare repository without commits whose HEAD names {@code main}. */
    public static Path createEmptyBare(Path directory) {
        try {
            Git.init()
                    .setBare(true)
                    .setDirectory(directory.toFile())
                    .setInitialBranch("main")
                    .call()
                    .close();
            return directory;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create a bare repository in " + directory, e);
        }
    }

    /**
     * Adds a commit to a branch of a bare repository. A new branch starts at {@code main}, or with no
     * parent when {@code main} does not exist either.
     *
     * @param files path to new content; a null content deletes the file
     * @return the new commit id
     */
    public static String commit(Path repository, String branch, String message, Map<String, String> files) {
        try (Repository repo = open(repository);
                ObjectInserter inserter = repo.newObjectInserter()) {
            Ref current = repo.exactRef(Constants.R_HEADS + branch);
            Ref start = current != null ? current : repo.exactRef(Constants.R_HEADS + "main");
            ObjectId parent = start == null ? null : start.getObjectId();

            ObjectId tree = writeTree(repo, inserter, parent, files);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(AUTHOR);
            commit.setCommitter(AUTHOR);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();

            setBranch(repo, branch, current == null ? ObjectId.zeroId() : current.getObjectId(), id);
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit to " + branch + " in " + repository, e);
        }
    }

    /** Returns the {@code file://} URL of a repository directory. */
    public static String fileUrl(Path repository) {
        return "file://" + repository.toAbsolutePath().normalize();
    }

    /** Reads every file on a branch's tip, path to UTF-8 content, sorted by path. */
    public static Map<String, String> readFiles(Path repository, String branch) {
        Map<String, String> files = new TreeMap<>();
        try (Repository repo = open(repository);
                RevWalk walk = new RevWalk(repo);
                TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(requireBranch(repo, branch)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                byte[] bytes = repo.open(tree.getObjectId(0)).getBytes();
                files.put(tree.getPathString(), new String(bytes, StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + branch + " in " + repository, e);
        }
    }

    /** Returns the full messages of a branch's commits, newest first. */
    public static List<String> commitMessages(Path repository, String branch) {
        List<String> messages = new ArrayList<>();
        try (Repository repo = open(repository);
                RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(requireBranch(repo, branch)));
            for (RevCommit commit : walk) {
                messages.add(commit.getFullMessage());
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + branch + " in " + repository, e);
        }
    }

    /** Returns whether a branch exists in a repository. */
    public static boolean hasBranch(Path repository, String branch) {
        try (Repository repo = open(repository)) {
            return repo.exactRef(Constants.R_HEADS + branch) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the refs of " + repository, e);
        }
    }

    private static ObjectId writeTree(
            Repository repo, ObjectInserter inserter, ObjectId parent, Map<String, String> files) throws IOException {
        Map<String, DirCacheEntry> entries = new LinkedHashMap<>();
        if (parent != null) {
            try (RevWalk walk = new RevWalk(repo);
                    TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(walk.parseCommit(parent).getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
                    entry.setFileMode(tree.getFileMode(0));
                    entry.setObjectId(tree.getObjectId(0));
                    entries.put(tree.getPathString(), entry);
                }
            }
        }

        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getValue() == null) {
                entries.remove(file.getKey());
                continue;
            }
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(
                    inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
            entries.put(file.getKey(), entry);
        }

        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        entries.values().forEach(builder::add);
        builder.finish();
        return index.writeTree(inserter);
    }

    private static void setBranch(Repository repo, String branch, ObjectId expected, ObjectId id) throws IOException {
        RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
        update.setExpectedOldObjectId(expected);
        update.setNewObjectId(id);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("cannot move " + branch + " to " + id.name() + ": " + result);
        }
    }

    private static ObjectId requireBranch(Repository repo, String branch) throws IOException {
        Ref ref = repo.exactRef(Constants.R_HEADS + branch);
        if (ref == null) {
            throw new IOException("branch " + branch + " not found in " + repo.getDirectory());
        }
        return ref.getObjectId();
    }

    private static Repository open(Path repository) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(repository.toFile())
                .setMustExist(true)
                .build();
    }
}
