package dev.agenticore.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Writes profile directories for tests. */
final class ProfileFiles {
    private ProfileFiles() {}

    /**
     * Writes {@code <directory>/<name>/profile.yml} and moves its modification time forward, so a
     * rewrite within the file system's timestamp resolution is still seen as a change.
     */
    static Path write(Path directory, String name, String yaml) throws IOException {
        Path file = directory.resolve(name).resolve("profile.yml");
        FileTime previous = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.from(Instant.EPOCH);

        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);

        Instant later = previous.toInstant().plusSeconds(10);
        if (Files.getLastModifiedTime(file).toInstant().isBefore(later)) {
            Files.setLastModifiedTime(file, FileTime.from(later));
        }
        return file;
    }
}
