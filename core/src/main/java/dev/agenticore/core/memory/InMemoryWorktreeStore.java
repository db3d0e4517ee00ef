package dev.agenticore.core.memory;

import dev.agenticore.core.workspace.Worktree;
import dev.agenticore.core.workspace.WorktreeStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/** {@link WorktreeStore} in a map; nothing survives the process. Thread-safe. */
public final class InMemoryWorktreeStore implements WorktreeStore {
    private final ConcurrentMap<String, Worktree> worktrees = new ConcurrentHashMap<>();

    @Override
    public void save(Worktree worktree) {
        worktrees.put(worktree.id(), worktree);
    }

    @Override
    public Optional<Worktree> find(String id) {
        return Optional.ofNullable(worktrees.get(id));
    }

    @Override
    public List<Worktree> list() {
        return worktrees.values().stream()
                .sorted(Comparator.comparing(Worktree::createdAt).thenComparing(Worktree::id))
                .toList();
    }

    @Override
    public Optional<Worktree> update(String id, UnaryOperator<Worktree> change) {
        return Optional.ofNullable(worktrees.computeIfPresent(id, (key, worktree) -> change.apply(worktree)));
    }
}
