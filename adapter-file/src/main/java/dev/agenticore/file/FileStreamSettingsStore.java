package dev.agenticore.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.StorageException;
import dev.agenticore.core.chat.StreamSettings;
import dev.agenticore.core.chat.StreamSettingsStore;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StreamSettingsStore} with one file per agent, {@code <root>/<agent id>.json}, holding
 * {@code {"show_thinking": bool, "show_tools": bool}}. A key missing from the file takes its
 * default. Each write replaces the file atomically. Thread-safe within one server process.
 */
public final class FileStreamSettingsStore implements StreamSettingsStore {
    private static final Logger log = LoggerFactory.getLogger(FileStreamSettingsStore.class);

    private final Path root;

    /**
     * Opens the store in a directory, creating it when missing.
     *
     * @throws StorageException when the directory cannot be created
     */
    public FileStreamSettingsStore(Path root) {
        this.root = Objects.requireNonNull(root, "root must not be null");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StorageException("failed to create stream settings directory " + root + ": " + e, e);
        }
        AtomicFiles.deleteLeftoverTemps(root);
    }

    /** {@inheritDoc} A file that cannot be read is logged and treated as absent. */
    @Override
    public Optional<StreamSettings> find(String agentId) {
        Path file = fileFor(agentId);
        try {
            JsonNode node = Json.mapper().readTree(Files.readAllBytes(file));
            StreamSettings defaults = StreamSettings.DEFAULTS;
            return Optional.of(new StreamSettings(
                    node.path("show_thinking").asBoolean(defaults.showThinking()),
                    node.path("show_tools").asBoolean(defaults.showTools())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring {}: it is not a readable stream settings file: {}", file, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void save(String agentId, StreamSettings settings) {
        AtomicFiles.write(fileFor(agentId), Json.write(settings.toMap()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the file of an agent.
     *
     * @throws IllegalArgumentException when the agent id is not a safe file name
     */
    private Path fileFor(String agentId) {
        if (!FileNames.isSafe(agentId)) {
            throw new IllegalArgumentException("agent id '" + agentId
                    + "' is invalid: use only letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        return root.resolve(agentId + ".json");
    }
}
