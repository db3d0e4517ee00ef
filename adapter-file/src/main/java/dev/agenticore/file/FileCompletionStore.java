package dev.agenticore.file;

import dev.agenticore.core.ConflictException;
import dev.agenticore.core.StorageException;
import dev.agenticore.core.chat.Completion;
import dev.agenticore.core.chat.CompletionStatus;
import dev.agenticore.core.chat.CompletionStore;
import dev.agenticore.core.memory.InMemoryCompletionStore;
import dev.agenticore.json.CompletionBodies;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CompletionStore} with one JSON file per completion, {@code <root>/<uuid>.json}, in the wire
 * form of {@link CompletionBodies#completion}. All records are read when the store opens into an
 * index that serves reads; every write replaces the file atomically and then the index entry.
 * Thread-safe within one server process: writes are serialized by one lock.
 */
public final class FileCompletionStore implements CompletionStore {
    private static final Logger log = LoggerFactory.getLogger(FileCompletionStore.class);
    private static final String SUFFIX = ".json";

    private final Path root;
    private final Map<String, Completion> index = new ConcurrentHashMap<>();

    /**
     * Opens the store in a directory, creating it when missing and loading every record.
     *
     * @throws StorageException when the directory cannot be created or listed
     */
    public FileCompletionStore(Path root) {
        this.root = Objects.requireNonNull(root, "root must not be null");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StorageException("failed to create completion directory " + root + ": " + e, e);
        }
        AtomicFiles.deleteLeftoverTemps(root);
        loadAll();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the uuid is not a safe file name
     */
    @Override
    public synchronized void create(Completion completion) {
        if (!FileNames.isSafe(completion.uuid())) {
            throw new IllegalArgumentException("completion uuid '" + completion.uuid()
                    + "' is invalid: use only letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        if (index.containsKey(completion.uuid())) {
            throw new ConflictException("a completion with uuid " + completion.uuid() + " already exists");
        }
        write(completion);
        index.put(completion.uuid(), completion);
    }

    @Override
    public Optional<Completion> find(String uuid) {
        return Optional.ofNullable(index.get(uuid));
    }

    @Override
    public synchronized Optional<Completion> update(String uuid, UnaryOperator<Completion> change) {
        Completion current = index.get(uuid);
        if (current == null) {
            return Optional.empty();
        }
        Completion changed = Objects.requireNonNull(change.apply(current), "an update must not return null");
        if (!changed.uuid().equals(uuid)) {
            throw new IllegalArgumentException("a completion update must keep the uuid " + uuid);
        }
        if (!changed.equals(current)) {
            write(changed);
            index.put(uuid, changed);
        }
        return Optional.of(changed);
    }

    @Override
    public List<Completion> list(CompletionStatus status, int limit) {
        return index.values().stream()
                .filter(completion -> status == null || completion.status() == status)
                .sorted(InMemoryCompletionStore.NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    private void loadAll() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "[A-Za-z0-9]*" + SUFFIX)) {
            for (Path file : files) {
                read(file).ifPresent(completion -> index.put(completion.uuid(), completion));
            }
        } catch (IOException e) {
            throw new StorageException("failed to list completion directory " + root + ": " + e, e);
        }
        log.info("Opened completion store {} with {} completions", root, index.size());
    }

    private Optional<Completion> read(Path file) {
        String name = file.getFileName().toString();
        String expected = name.substring(0, name.length() - SUFFIX.length());
        try {
            Completion completion = CompletionBodies.fromJson(Json.mapper().readTree(file.toFile()));
            if (!completion.uuid().equals(expected)) {
                log.warn("Skipping {}: it is not the record of completion {}", file, expected);
                return Optional.empty();
            }
            return Optional.of(completion);
        } catch (IOException | RuntimeException e) {
            log.warn("Skipping {}: it is not a readable completion record: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private void write(Completion completion) {
        byte[] content = Json.write(CompletionBodies.completion(completion)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(root.resolve(completion.uuid() + SUFFIX), content);
    }
}
