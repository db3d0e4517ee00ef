package dev.agenticore.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledProfilesTest {
    @TempDir
    Path home;

    private Path bundled() {
        return home.resolve("bundled-profiles");
    }

    private DirectoryProfileCatalog catalog() {
        return new DirectoryProfileCatalog(bundled(), List.of(home.resolve("profiles")));
    }

    @Test
    void codeProfileResolves() {
        Profile code = catalog().find("code").orElseThrow();

        assertThat(code.description()).isEqualTo("Autonomous coding worker");
        assertThat(code.model()).isEqualTo("sonnet");
        assertThat(code.maxTurns()).isEqualTo(80);
        assertThat(code.permissionMode()).isEqualTo(Profile.SKIP_PERMISSIONS);
        assertThat(code.effort()).isEqualTo("high");
        assertThat(code.timeout()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(code.worktree()).isTrue();
        assertThat(code.autoPr()).isTrue();
        assertThat(code.claudeFlags()).isEmpty();
        assertThat(code.configDirectories()).containsExactly(bundled().resolve("code"));
    }

    @Test
    void reviewProfileResolves() {
        Profile review = catalog().find("review").orElseThrow();

        assertThat(review.description()).isEqualTo("Read-only code review");
        assertThat(review.model()).isEqualTo("haiku");
        assertThat(review.maxTurns()).isEqualTo(20);
        assertThat(review.timeout()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(review.autoPr()).isFalse();
        assertThat(review.worktree()).isTrue();
        assertThat(review.configDirectories()).containsExactly(bundled().resolve("review"));
    }

    @Test
    void extractedFilesAllowTheExpectedTools() throws Exception {
        catalog().list();

        assertThat(allowedTools("code")).containsExactly("Bash", "Read", "Write", "Edit", "Glob", "Grep", "Task");
        assertThat(allowedTools("review")).containsExactly("Read", "Glob", "Grep");
        for (String name : List.of("code", "review")) {
            JsonNode mcp = Json.mapper()
                    .readTree(bundled().resolve(name).resolve(".mcp.json").toFile());
            assertThat(mcp.get("mcpServers").isEmpty()).as("%s .mcp.json", name).isTrue();
            assertThat(bundled().resolve(name).resolve(".claude/CLAUDE.md"))
                    .as("%s CLAUDE.md", name)
                    .isNotEmptyFile();
        }
    }

    @Test
    void staleCopyIsOverwritten() throws Exception {
        ProfileFiles.write(bundled(), "code", "description: Left by an older version\n");

        Profile code = catalog().find("code").orElseThrow();

        assertThat(code.description()).isEqualTo("Autonomous coding worker");
    }

    @Test
    void unlistedDirectoryInBundledCopyIsIgnored() throws Exception {
        ProfileFiles.write(bundled(), "retired", "description: Removed from the jar\n");

        assertThat(catalog().find("retired")).isEmpty();
    }

    @Test
    void everyResourceFileIsListed() throws Exception {
        Path resources = Path.of("src/main/resources/dev/agenticore/file/profiles");

        List<String> present;
        try (Stream<Path> files = Files.walk(resources)) {
            present = files.filter(Files::isRegularFile)
                    .map(file -> resources.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !file.equals("files.txt"))
                    .toList();
        }

        assertThat(BundledProfiles.files()).containsExactlyInAnyOrderElementsOf(present);
    }

    private List<String> allowedTools(String profile) throws Exception {
        JsonNode settings = Json.mapper()
                .readTree(bundled()
                        .resolve(profile)
                        .resolve(".claude/settings.json")
                        .toFile());
        return Json.mapper()
                .convertValue(
                        settings.path("permissions").path("allow"),
                        new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
    }
}
