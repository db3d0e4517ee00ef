package dev.agenticore.file;

import dev.agenticore.core.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces files so that readers and crashes see either the old or the new content. Temporary
 * files are named {@code .<target>.<random>.tmp} in the target's directory.
 */
final class AtomicFiles {
    private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {}

    /**
     * Writes the content to a temporary file, forces it to disk and renames it over the target.
     *
     * @throws StorageException naming the target when any step fails; the temporary file is removed
     */
    static void write(Path target, byte[] content) {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(directory, "." + target.getFileName() + ".", TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }

            move(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException("failed to write " + target + ": " + e, e);
        }
    }

    /** Deletes the temporary files that a crash left in a directory and returns how many. */
    static int deleteLeftoverTemps(Path directory) {
        int deleted = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                log.info("Deleting {}, a temporary file left by an interrupted write", temp);
                deleteQuietly(temp);
                deleted++;
            }
        } catch (IOException e) {
            throw new StorageException("failed to list " + directory + ": " + e, e);
        }
        return deleted;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            log.debug("Atomic move is not supported for {}, replacing it instead", target);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Failed to delete temporary file {}", file, e);
        }
    }
}
