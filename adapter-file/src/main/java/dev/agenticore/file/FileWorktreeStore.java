package dev.agenticore.file;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.workspace.Worktree;
import dev.agenticore.core.workspace.WorktreeStore;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WorktreeStore} with one JSON file per record, {@code <root>/<id>.json}, written atomically
 * and indexed in memory at open. Thread-safe within one process; updates of one record are
 * serialized by the index map.
 */
public final class FileWorktreeStore implements WorktreeStore {
    private static final Logger log = LoggerFactory.getLogger(FileWorktreeStore.class);
    private static final String SUFFIX = ".json";

    private final Path root;
    private final Map<String, Worktree> index = new ConcurrentHashMap<>();

    /**
     * Opens the store, creating the directory when needed and loading every readable record.
     *
     * @throws StorageException when the directory cannot be created or listed
     */
    public FileWorktreeStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StorageException("failed to create the worktree directory " + root + ": " + e, e);
        }
        AtomicFiles.deleteLeftoverTemps(root);
        load();
    }

    @Override
    public void save(Worktree worktree) {
        requireSafe(worktree.id());
        index.compute(worktree.id(), (id, old) -> write(worktree));
    }

    @Override
    public Optional<Worktree> find(String id) {
        return Optional.ofNullable(index.get(id));
    }

    @Override
    public List<Worktree> list() {
        return index.values().stream()
                .sorted(Comparator.comparing(Worktree::createdAt).thenComparing(Worktree::id))
                .toList();
    }

    @Override
    public Optional<Worktree> update(String id, UnaryOperator<Worktree> change) {
        return Optional.ofNullable(index.computeIfPresent(id, (key, current) -> {
            Worktree changed = change.apply(current);
            return changed == current ? current : write(changed);
        }));
    }

    private Worktree write(Worktree worktree) {
        AtomicFiles.write(
                root.resolve(worktree.id() + SUFFIX),
                Json.write(worktree).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return worktree;
    }

    private void load() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*" + SUFFIX)) {
            for (Path file : files) {
                read(file).ifPresent(worktree -> index.put(worktree.id(), worktree));
            }
        } catch (IOException e) {
            throw new StorageException("failed to list " + root + ": " + e, e);
        }
    }

    private static Optional<Worktree> read(Path file) {
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), Worktree.class));
        } catch (IOException | RuntimeException e) {
            log.warn("Skipping {}: it is not a readable worktree record: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static void requireSafe(String id) {
        if (!FileNames.isSafe(id)) {
            throw new IllegalArgumentException("worktree id '" + id + "' is not a safe file name");
        }
    }
}
