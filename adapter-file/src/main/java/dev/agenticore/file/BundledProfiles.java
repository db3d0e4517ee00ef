package dev.agenticore.file;

import dev.agenticore.core.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profiles shipped inside this jar under {@code dev/agenticore/file/profiles/}. The agent needs
 * real files, so they are copied to a directory before use. The resource {@code files.txt} names
 * every file, because a jar's directories cannot be listed portably.
 */
final class BundledProfiles {
    private static final Logger log = LoggerFactory.getLogger(BundledProfiles.class);
    private static final String BASE = "/dev/agenticore/file/profiles/";

    private BundledProfiles() {}

    /** Returns the bundled profile file paths, relative to the profiles directory, such as {@code code/profile.yml}. */
    static List<String> files() {
        List<String> files = new ArrayList<>();
        try (InputStream in = resource("files.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    files.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new StorageException("failed to read the bundled profile list " + BASE + "files.txt: " + e, e);
        }
        return files;
    }

    /** Returns the names of the bundled profiles, the first directory of each file path. */
    static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (String file : files()) {
            names.add(file.substring(0, file.indexOf('/')));
        }
        return names;
    }

    /**
     * Copies every bundled file into a directory, replacing copies whose content differs, such as
     * those extracted by an older version.
     *
     * @throws StorageException when a resource is missing or a file cannot be written
     */
    static void extract(Path target) {
        int written = 0;
        for (String file : files()) {
            Path destination = target.resolve(file);
            try (InputStream in = resource(file)) {
                byte[] content = in.readAllBytes();
                if (Files.isRegularFile(destination) && Arrays.equals(Files.readAllBytes(destination), content)) {
                    continue;
                }

                Files.createDirectories(destination.getParent());
                AtomicFiles.write(destination, content);
                written++;
            } catch (IOException e) {
                throw new StorageException("failed to extract bundled profile file " + destination + ": " + e, e);
            }
        }
        log.info("Bundled profiles are in {} ({} files updated)", target, written);
    }

    private static InputStream resource(String relativePath) throws IOException {
        InputStream in = BundledProfiles.class.getResourceAsStream(BASE + relativePath);
        if (in == null) {
            throw new IOException("resource " + BASE + relativePath + " is missing from the classpath");
        }
        return in;
    }
}
