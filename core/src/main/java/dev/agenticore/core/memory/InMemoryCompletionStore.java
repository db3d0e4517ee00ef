package dev.agenticore.core.memory;

import dev.agenticore.core.ConflictException;
import dev.agenticore.core.chat.Completion;
import dev.agenticore.core.chat.CompletionStatus;
import dev.agenticore.core.chat.CompletionStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/** {@link CompletionStore} in a map: nothing survives the process. Thread-safe. */
public final class InMemoryCompletionStore implements CompletionStore {
    /** Newest first; the uuid breaks ties so the order is stable. */
    public static final Comparator<Completion> NEWEST_FIRST =
            Comparator.comparing(Completion::createdAt).reversed().thenComparing(Completion::uuid);

    private final ConcurrentMap<String, Completion> completions = new ConcurrentHashMap<>();

    @Override
    public void create(Completion completion) {
        if (completions.putIfAbsent(completion.uuid(), completion) != null) {
            throw new ConflictException("a completion with uuid " + completion.uuid() + " already exists");
        }
    }

    @Override
    public Optional<Completion> find(String uuid) {
        return Optional.ofNullable(completions.get(uuid));
    }

    @Override
    public Optional<Completion> update(String uuid, UnaryOperator<Completion> change) {
        return Optional.ofNullable(completions.computeIfPresent(uuid, (key, completion) -> {
            Completion changed = Objects.requireNonNull(change.apply(completion), "an update must not return null");
            if (!changed.uuid().equals(uuid)) {
                throw new IllegalArgumentException("a completion update must keep the uuid " + uuid);
            }
            return changed;
        }));
    }

    @Override
    public List<Completion> list(CompletionStatus status, int limit) {
        return completions.values().stream()
                .filter(completion -> status == null || completion.status() == status)
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }
}
