package dev.agenticore.core.workspace;

import dev.agenticore.core.NotFoundException;

/** Thrown when no worktree record has the requested id. */
public class WorktreeNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception for the missing id. */
    public WorktreeNotFoundException(String id) {
        super("Worktree not found: " + id);
    }
}
