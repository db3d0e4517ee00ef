package dev.agenticore.claude;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a Claude session resumable from any working directory. Claude Code 2.1.197 keeps each
 * session in {@code <config dir>/projects/<encoded cwd>/<session id>.jsonl}, where the encoded cwd is
 * the directory path with every character other than a letter or digit replaced by {@code -}, and
 * {@code --resume} only looks in the directory of the current cwd. A job that resumes a session
 * started by another job runs elsewhere, so the transcript is copied next to the new cwd first.
 */
final class SessionFiles {
    private static final Logger log = LoggerFactory.getLogger(SessionFiles.class);

    private SessionFiles() {}

    /**
     * Copies the transcript of {@code sessionId} into the project directory of {@code workingDirectory}
     * when it is only found under another project. Does nothing when it is already there or nowhere.
     */
    static void prepareResume(String sessionId, Path workingDirectory, Map<String, String> environment) {
        if (sessionId.isEmpty() || !sessionId.matches("[A-Za-z0-9._-]+")) {
            return;
        }
        Path projects = configDirectory(environment).resolve("projects");
        Path target = projects.resolve(encode(workingDirectory.toAbsolutePath().toString()));
        String fileName = sessionId + ".jsonl";
        if (Files.exists(target.resolve(fileName))) {
            return;
        }
        find(projects, fileName).ifPresent(source -> copy(source, target.resolve(fileName), sessionId));
    }

    static String encode(String path) {
        return path.replaceAll("[^A-Za-z0-9]", "-");
    }

    private static Path configDirectory(Map<String, String> environment) {
        String configured = environment.get("CLAUDE_CONFIG_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".claude");
    }

    private static Optional<Path> find(Path projects, String fileName) {
        if (!Files.isDirectory(projects)) {
            return Optional.empty();
        }
        try (Stream<Path> directories = Files.list(projects)) {
            return directories
                    .map(directory -> directory.resolve(fileName))
                    .filter(Files::isRegularFile)
                    .findFirst();
        } catch (IOException e) {
            log.warn("Cannot search {} for session transcripts", projects, e);
            return Optional.empty();
        }
    }

    private static void copy(Path source, Path target, String sessionId) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            log.info(
                    "Session {}: copied its transcript from {} so it can resume in a new directory",
                    sessionId,
                    source.getParent().getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the transcript of session " + sessionId, e);
        }
    }
}
