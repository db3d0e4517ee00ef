package dev.agenticore.file;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.chat.Conversation;
import dev.agenticore.core.chat.ConversationStore;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConversationStore} with one JSON file per conversation, named by the SHA-256 of the key
 * because keys hold characters that file names must not, such as {@code :} and {@code /}. Each
 * write replaces the file atomically. Thread-safe within one server process.
 */
public final class FileConversationStore implements ConversationStore {
    private static final Logger log = LoggerFactory.getLogger(FileConversationStore.class);

    private final Path root;

    /**
     * Opens the store in a directory, creating it when missing.
     *
     * @throws StorageException when the directory cannot be created
     */
    public FileConversationStore(Path root) {
        this.root = Objects.requireNonNull(root, "root must not be null");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StorageException("failed to create conversation directory " + root + ": " + e, e);
        }
        AtomicFiles.deleteLeftoverTemps(root);
    }

    /** {@inheritDoc} A file that cannot be read is logged and treated as absent. */
    @Override
    public Optional<Conversation> find(String key) {
        Path file = fileFor(key);
        try {
            Conversation conversation = Json.mapper().readValue(Files.readAllBytes(file), Conversation.class);
            return Optional.ofNullable(conversation).filter(c -> c.key().equals(key));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring {}: it is not a readable conversation record: {}", file, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void save(Conversation conversation) {
        AtomicFiles.write(fileFor(conversation.key()), Json.write(conversation).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void delete(String key) {
        Path file = fileFor(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StorageException("failed to delete " + file + ": " + e, e);
        }
    }

    private Path fileFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return root.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
