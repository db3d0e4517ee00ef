package dev.agenticore.core.workspace;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Persistent collection of worktree records. Thread-safe; {@link #update} is atomic per record. */
public interface WorktreeStore {

    /** Stores a new record; an existing id is replaced. */
    void save(Worktree worktree);

    /** Returns the record with the given id, or empty. */
    Optional<Worktree> find(String id);

    /** Lists every record, oldest first. */
    List<Worktree> list();

    /**
     * Replaces a record with the result of a side-effect-free function of its current value.
     *
     * @return the record after the change, or empty when there is none
     */
    Optional<Worktree> update(String id, UnaryOperator<Worktree> change);
}
