package dev.agenticore.core.workspace;

import dev.agenticore.core.ConflictException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.job.GitRefNames;
import dev.agenticore.core.job.RepositoryUrls;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares, lists and removes worktrees and keeps their records. Thread-safe. Nothing removes a
 * worktree automatically: {@link #cleanup} and {@link #remove} do it on request.
 */
public final class WorktreeService {
    private static final Logger log = LoggerFactory.getLogger(WorktreeService.class);
    /** Largest accepted age threshold: ten years. */
    public static final int MAX_AGE_HOURS = 87_600;

    private final GitWorkspace git;
    private final WorktreeStore store;
    private final Path worktreeRoot;
    private final boolean allowFileUrls;
    private final Clock clock;

    /** Creates the service; worktree directories go under {@code worktreeRoot}. */
    public WorktreeService(
            GitWorkspace git, WorktreeStore store, Path worktreeRoot, boolean allowFileUrls, Clock clock) {
        this.git = git;
        this.store = store;
        this.worktreeRoot = worktreeRoot;
        this.allowFileUrls = allowFileUrls;
        this.clock = clock;
    }

    /**
     * Prepares a worktree for later jobs, on branch {@code agenticore/wt-<id prefix>}.
     *
     * @throws InvalidRequestException when the URL or base ref is invalid
     * @throws GitException when git fails; the record is then {@code failed} with the reason
     */
    public Worktree prepare(String repoUrl, String baseRef) {
        String id = UUID.randomUUID().toString();
        return prepare(id, repoUrl, baseRef, "agenticore/wt-" + id.substring(0, 8), "");
    }

    /** Prepares a worktree owned by a job, on the given branch, already {@code in_use}. */
    public Worktree prepareForJob(String repoUrl, String baseRef, String branch, String jobId) {
        return prepare(UUID.randomUUID().toString(), repoUrl, baseRef, branch, jobId);
    }

    /** Returns a record, or throws {@link WorktreeNotFoundException}. */
    public Worktree get(String id) {
        return store.find(id).orElseThrow(() -> new WorktreeNotFoundException(id));
    }

    /**
     * Returns a record with the age, size and push state of its directory, measured as {@link #list}
     * measures them. The {@code info} is null when the record has no directory, was removed, or its
     * directory is gone.
     *
     * @throws WorktreeNotFoundException when there is no such record
     */
    public WorktreeDetails describe(String id) {
        Worktree record = get(id);
        if (record.path().isEmpty() || record.status() == Worktree.Status.REMOVED) {
            return new WorktreeDetails(record, null);
        }
        return new WorktreeDetails(
                record, git.describeWorktree(Path.of(record.path())).orElse(null));
    }

    /**
     * Hands a ready worktree to a job.
     *
     * @throws WorktreeNotFoundException when there is no such record
     * @throws WorkspaceException when it is not ready or its directory is gone
     */
    public Worktree claim(String id, String jobId) {
        Worktree current = get(id);
        if (current.status() != Worktree.Status.READY) {
            throw new WorkspaceException(
                    "worktree " + id + " is " + current.status().wireName()
                            + ", not ready; prepare a new one with POST /worktrees or the prepare_worktree tool");
        }
        if (!java.nio.file.Files.isDirectory(Path.of(current.path()))) {
            store.update(id, w -> w.failed("its directory " + w.path() + " no longer exists"));
            throw new WorkspaceException("worktree " + id + " has no directory at " + current.path());
        }
        return store.update(id, w -> w.status() == Worktree.Status.READY ? w.usedBy(jobId) : w)
                .filter(w -> w.jobId().equals(jobId))
                .orElseThrow(() -> new WorkspaceException("worktree " + id + " was claimed by another job"));
    }

    /** Returns a worktree used by a job to the ready state; does nothing for other states. */
    public void release(String id) {
        store.update(id, w -> w.status() == Worktree.Status.IN_USE ? w.usedBy("") : w);
    }

    /** Lists every worktree on disk, with its record where one matches by path, oldest first. */
    public List<WorktreeListing> list() {
        Map<String, Worktree> byPath = store.list().stream()
                .filter(w -> !w.path().isEmpty() && w.status() != Worktree.Status.REMOVED)
                .collect(Collectors.toMap(Worktree::path, Function.identity(), (a, b) -> b));
        return git.listWorktrees().stream()
                .map(info -> new WorktreeListing(info, byPath.get(info.path().toString())))
                .toList();
    }

    /**
     * Removes the worktrees at the given paths and those at least {@code maxAgeHours} old.
     *
     * @param maxAgeHours age threshold in hours; 0 disables it
     * @throws InvalidRequestException when neither is given or the age is negative
     */
    public List<WorktreeRemoval> cleanup(List<String> paths, int maxAgeHours) {
        if (maxAgeHours < 0 || maxAgeHours > MAX_AGE_HOURS) {
            throw new InvalidRequestException(
                    "max_age_hours",
                    "max_age_hours must be between 0 and " + MAX_AGE_HOURS + " hours, got " + maxAgeHours);
        }
        if (paths.isEmpty() && maxAgeHours == 0) {
            throw new InvalidRequestException(
                    "paths", "no worktrees to remove: provide paths, or max_age_hours greater than 0");
        }
        Set<String> targets = new LinkedHashSet<>(paths);
        if (maxAgeHours > 0) {
            git.listWorktrees().stream()
                    .filter(info -> info.ageHours() >= maxAgeHours)
                    .forEach(info -> targets.add(info.path().toString()));
        }
        List<WorktreeRemoval> results = new ArrayList<>();
        targets.forEach(path -> results.add(removePath(path)));
        return results;
    }

    /** Removes the worktree of a record. */
    public WorktreeRemoval remove(String id) {
        Worktree worktree = get(id);
        if (worktree.path().isEmpty() || worktree.status() == Worktree.Status.REMOVED) {
            return new WorktreeRemoval(worktree.path(), false, "worktree " + id + " has no directory to remove");
        }
        if (worktree.status() == Worktree.Status.IN_USE || worktree.status() == Worktree.Status.PREPARING) {
            throw new ConflictException(inUse(worktree));
        }
        return removePath(worktree.path());
    }

    private static String inUse(Worktree worktree) {
        String user = worktree.jobId().isEmpty() ? "being prepared" : "in use by job " + worktree.jobId();
        return "worktree " + worktree.id() + " at " + worktree.path() + " is " + user
                + "; cancel the job or wait for it to end, then remove the worktree";
    }

    private WorktreeRemoval removePath(String path) {
        Optional<Worktree> busy = store.list().stream()
                .filter(w -> w.path().equals(path))
                .filter(w -> w.status() == Worktree.Status.IN_USE || w.status() == Worktree.Status.PREPARING)
                .findFirst();
        if (busy.isPresent()) {
            return new WorktreeRemoval(path, false, inUse(busy.get()));
        }
        try {
            git.removeWorktree(Path.of(path));
        } catch (InvalidRequestException | GitException | java.nio.file.InvalidPathException e) {
            log.warn("Removing worktree {} failed: {}", path, e.getMessage());
            return new WorktreeRemoval(path, false, e.getMessage());
        }
        store.list().stream()
                .filter(w -> w.path().equals(path))
                .forEach(w -> store.update(w.id(), r -> r.withStatus(Worktree.Status.REMOVED)));
        log.info("Worktree {} removed", path);
        return new WorktreeRemoval(path, true, null);
    }

    private Worktree prepare(String id, String repoUrl, String baseRef, String branch, String jobId) {
        validate(repoUrl, baseRef);
        Worktree record = new Worktree(
                id, repoUrl, baseRef, branch, "", "", Worktree.Status.PREPARING, clock.instant(), null, jobId);
        store.save(record);
        try {
            Path directory = worktreeRoot.resolve(directoryName(repoUrl, id));
            WorktreeCheckout checkout = git.createWorktree(repoUrl, baseRef, branch, directory);
            Worktree ready = record.ready(checkout);
            Worktree result = jobId.isEmpty() ? ready : ready.usedBy(jobId);
            store.save(result);
            log.info("Worktree {} ready at {} on branch {}", id, checkout.directory(), branch);
            return result;
        } catch (RuntimeException e) {
            store.save(record.failed(e.getMessage()));
            throw e;
        }
    }

    private void validate(String repoUrl, String baseRef) {
        if (repoUrl == null || repoUrl.isBlank()) {
            throw new InvalidRequestException("repo_url", "repo_url is required: name the repository to check out");
        }
        RepositoryUrls.problem(repoUrl, allowFileUrls).ifPresent(problem -> {
            throw new InvalidRequestException("repo_url", "repo_url '" + repoUrl + "' is invalid: " + problem);
        });
        if (baseRef != null && !baseRef.isEmpty()) {
            GitRefNames.problem(baseRef).ifPresent(problem -> {
                throw new InvalidRequestException(
                        "base_ref",
                        "base_ref '" + baseRef + "' is invalid: it is not a valid git branch name: " + problem);
            });
        }
    }

    private static String directoryName(String repoUrl, String id) {
        String trimmed = repoUrl.replaceAll("/+$", "").replaceAll("\\.git$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
        String safe =
                last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[.-]+", "");
        return (safe.isEmpty() ? "repo" : safe) + "-" + id.substring(0, 8);
    }
}
