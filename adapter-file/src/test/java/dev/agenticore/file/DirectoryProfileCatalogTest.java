package dev.agenticore.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryProfileCatalogTest {
    @TempDir
    Path home;

    private Path first() {
        return home.resolve("first");
    }

    private Path second() {
        return home.resolve("second");
    }

    private DirectoryProfileCatalog catalog() {
        return new DirectoryProfileCatalog(home.resolve("bundled"), List.of(first(), second()), Duration.ZERO);
    }

    private DirectoryProfileCatalog catalogWithoutBundled() {
        return new DirectoryProfileCatalog(null, List.of(first(), second()), Duration.ZERO);
    }

    @Test
    void missingKeysTakeDefaults() throws Exception {
        ProfileFiles.write(first(), "plain", "description: Nothing special\n");

        Profile profile = catalogWithoutBundled().find("plain").orElseThrow();

        assertThat(profile.name()).isEqualTo("plain");
        assertThat(profile.description()).isEqualTo("Nothing special");
        assertThat(profile.model()).isEqualTo(ProfileResolver.DEFAULT_MODEL);
        assertThat(profile.maxTurns()).isEqualTo(ProfileResolver.DEFAULT_MAX_TURNS);
        assertThat(profile.permissionMode()).isEqualTo(ProfileResolver.DEFAULT_PERMISSION_MODE);
        assertThat(profile.timeout()).isEqualTo(ProfileResolver.DEFAULT_TIMEOUT);
        assertThat(profile.autoPr()).isTrue();
        assertThat(profile.worktree()).isTrue();
        assertThat(profile.effort()).isEmpty();
        assertThat(profile.claudeFlags()).isEmpty();
        assertThat(profile.configDirectories()).containsExactly(first().resolve("plain"));
    }

    @Test
    void emptyProfileFileTakesDefaults() throws Exception {
        ProfileFiles.write(first(), "empty", "");

        Profile profile = catalogWithoutBundled().find("empty").orElseThrow();

        assertThat(profile.model()).isEqualTo(ProfileResolver.DEFAULT_MODEL);
    }

    @Test
    void nameKeyOverridesDirectoryName() throws Exception {
        ProfileFiles.write(first(), "dir-name", "name: declared\n");

        DirectoryProfileCatalog catalog = catalogWithoutBundled();

        assertThat(catalog.find("declared")).isPresent();
        assertThat(catalog.find("dir-name")).isEmpty();
    }

    @Test
    void claudeKeysFillFieldsAndFlags() throws Exception {
        ProfileFiles.write(first(), "custom", """
                auto_pr: false
                claude:
                  model: opus
                  max_turns: 12
                  permission_mode: acceptEdits
                  effort: low
                  worktree: false
                  timeout: 90
                  allowed_tools: [Read, Grep]
                  max_budget_usd: 2.5
                  verbose: true
                  append_system_prompt: Be brief.
                  max_thinking_tokens: 1000
                """);

        Profile profile = catalogWithoutBundled().find("custom").orElseThrow();

        assertThat(profile.autoPr()).isFalse();
        assertThat(profile.model()).isEqualTo("opus");
        assertThat(profile.maxTurns()).isEqualTo(12);
        assertThat(profile.permissionMode()).isEqualTo("acceptEdits");
        assertThat(profile.effort()).isEqualTo("low");
        assertThat(profile.worktree()).isFalse();
        assertThat(profile.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(profile.claudeFlags())
                .containsExactly(
                        Map.entry("allowed_tools", List.of("Read", "Grep")),
                        Map.entry("max_budget_usd", 2.5),
                        Map.entry("verbose", true),
                        Map.entry("append_system_prompt", "Be brief."),
                        Map.entry("max_thinking_tokens", 1000));
    }

    @Test
    void profileInheritsAcrossDirectories() throws Exception {
        ProfileFiles.write(first(), "base", "description: Base\nclaude:\n  max_turns: 7\n  verbose: true\n");
        ProfileFiles.write(second(), "child", "extends: base\nclaude:\n  model: opus\n  verbose:\n");

        Profile child = catalogWithoutBundled().find("child").orElseThrow();

        assertThat(child.model()).isEqualTo("opus");
        assertThat(child.maxTurns()).isEqualTo(7);
        assertThat(child.description()).isEqualTo("Base");
        assertThat(child.extendsName()).isEqualTo("base");
        assertThat(child.claudeFlags()).isEmpty();
        assertThat(child.configDirectories()).containsExactly(first().resolve("base"), second().resolve("child"));
    }

    @Test
    void laterDirectoryOverridesBundledProfile() throws Exception {
        ProfileFiles.write(second(), "code", "description: My code\nclaude:\n  model: opus\n");

        Profile code = catalog().find("code").orElseThrow();

        assertThat(code.description()).isEqualTo("My code");
        assertThat(code.model()).isEqualTo("opus");
        assertThat(code.effort()).isEmpty();
        assertThat(code.configDirectories()).containsExactly(second().resolve("code"));
    }

    @Test
    void laterDirectoryOverridesEarlierDirectory() throws Exception {
        ProfileFiles.write(first(), "shared", "claude:\n  model: haiku\n");
        ProfileFiles.write(second(), "shared", "claude:\n  model: opus\n");

        assertThat(catalogWithoutBundled().find("shared")).map(Profile::model).contains("opus");
    }

    @Test
    void profileCanExtendBundledProfile() throws Exception {
        ProfileFiles.write(first(), "quick-code", "extends: code\nclaude:\n  max_turns: 10\n");

        Profile profile = catalog().find("quick-code").orElseThrow();

        assertThat(profile.maxTurns()).isEqualTo(10);
        assertThat(profile.effort()).isEqualTo("high");
        assertThat(profile.permissionMode()).isEqualTo(Profile.SKIP_PERMISSIONS);
    }

    @Test
    void brokenProfilesAreSkipped() throws Exception {
        ProfileFiles.write(first(), "good", "description: Fine\n");
        ProfileFiles.write(first(), "not-yaml", "claude: [unclosed\n");
        ProfileFiles.write(first(), "wrong-type", "claude:\n  max_turns: many\n");
        ProfileFiles.write(first(), "wrong-flag", "claude:\n  nested:\n    a: 1\n");
        ProfileFiles.write(first(), "not-a-map", "- a\n- b\n");
        ProfileFiles.write(first(), "bad-name", "name: ../escape\n");
        ProfileFiles.write(first(), "orphan", "extends: missing\n");
        ProfileFiles.write(first(), "loop-a", "extends: loop-b\n");
        ProfileFiles.write(first(), "loop-b", "extends: loop-a\n");
        ProfileFiles.write(first(), "zero-turns", "claude:\n  max_turns: 0\n");

        List<Profile> profiles = catalogWithoutBundled().list();

        assertThat(profiles).extracting(Profile::name).containsExactly("good");
    }

    @Test
    void unknownTopLevelKeyIsIgnored() throws Exception {
        ProfileFiles.write(first(), "extra", "description: Extra\ncolour: blue\n");

        assertThat(catalogWithoutBundled().find("extra"))
                .map(Profile::description)
                .contains("Extra");
    }

    @Test
    void directoryWithoutProfileFileIsIgnored() throws Exception {
        Files.createDirectories(first().resolve("just-a-folder"));

        assertThat(catalogWithoutBundled().list()).isEmpty();
    }

    @Test
    void missingDirectoriesGiveEmptyCatalog() {
        assertThat(catalogWithoutBundled().list()).isEmpty();
    }

    @Test
    void listIsSortedByName() throws Exception {
        ProfileFiles.write(second(), "beta", "");
        ProfileFiles.write(first(), "alpha", "");

        assertThat(catalog().list()).extracting(Profile::name).containsExactly("alpha", "beta", "code", "review");
    }

    @Test
    void editsArePickedUpWithoutRestart() throws Exception {
        ProfileFiles.write(first(), "live", "claude:\n  model: haiku\n");
        DirectoryProfileCatalog catalog = catalogWithoutBundled();
        assertThat(catalog.find("live")).map(Profile::model).contains("haiku");

        ProfileFiles.write(first(), "live", "claude:\n  model: opus\n");
        assertThat(catalog.find("live")).map(Profile::model).contains("opus");

        ProfileFiles.write(second(), "added", "");
        assertThat(catalog.find("added")).isPresent();

        Files.delete(second().resolve("added").resolve("profile.yml"));
        assertThat(catalog.find("added")).isEmpty();
    }

    @Test
    void changesWaitForRecheckInterval() throws Exception {
        ProfileFiles.write(first(), "live", "claude:\n  model: haiku\n");
        DirectoryProfileCatalog catalog = new DirectoryProfileCatalog(null, List.of(first()), Duration.ofHours(1));
        assertThat(catalog.find("live")).map(Profile::model).contains("haiku");

        ProfileFiles.write(first(), "live", "claude:\n  model: opus\n");

        assertThat(catalog.find("live")).map(Profile::model).contains("haiku");
    }
}
