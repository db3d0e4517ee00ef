package dev.agenticore.core.chat;

import dev.agenticore.core.ConflictException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Stores completion records. Thread-safe. */
public interface CompletionStore {

    /**
     * Stores a new completion.
     *
     * @throws ConflictException when a completion with the same uuid exists
     */
    void create(Completion completion);

    /** Returns the completion with a uuid, or empty. */
    Optional<Completion> find(String uuid);

    /**
     * Replaces a completion with {@code change} applied to it, atomically for that uuid.
     *
     * @return the stored completion after the change, or empty when there is none with that uuid
     */
    Optional<Completion> update(String uuid, UnaryOperator<Completion> change);

    /**
     * Lists completions, newest first.
     *
     * @param status only completions with this status, or null for all
     * @param limit maximum number returned, at least 1
     */
    List<Completion> list(CompletionStatus status, int limit);
}
