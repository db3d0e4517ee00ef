package dev.agenticore.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileResolverTest {

    @Test
    void unsetFieldsTakeDefaults() {
        Profile profile = ProfileResolver.resolve("code", name -> ProfileDefinition.named("code"));

        assertThat(profile.model()).isEqualTo("sonnet");
        assertThat(profile.maxTurns()).isEqualTo(80);
        assertThat(profile.autoPr()).isTrue();
        assertThat(profile.worktree()).isTrue();
        assertThat(profile.permissionMode()).isEqualTo("bypassPermissions");
        assertThat(profile.timeout().toSeconds()).isEqualTo(3600);
    }

    @Test
    void childInheritsAndMayResetAFieldToTheDefault() {
        Map<String, Object> parentFlags = new LinkedHashMap<>();
        parentFlags.put("max_budget_usd", 5);
        parentFlags.put("fallback_model", "haiku");
        Map<String, Object> childFlags = new LinkedHashMap<>();
        childFlags.put("fallback_model", null);
        childFlags.put("add_dir", "/data");
        Map<String, ProfileDefinition> definitions = Map.of(
                "base",
                        new ProfileDefinition(
                                "base",
                                "Base",
                                null,
                                false,
                                "opus",
                                10,
                                null,
                                "high",
                                null,
                                100L,
                                parentFlags,
                                Path.of("/profiles/base")),
                "child",
                        new ProfileDefinition(
                                "child",
                                null,
                                "base",
                                null,
                                "sonnet",
                                null,
                                null,
                                null,
                                null,
                                null,
                                childFlags,
                                Path.of("/profiles/child")));

        Profile child = ProfileResolver.resolve("child", definitions::get);

        assertThat(child.model()).isEqualTo("sonnet");
        assertThat(child.maxTurns()).isEqualTo(10);
        assertThat(child.autoPr()).isFalse();
        assertThat(child.description()).isEqualTo("Base");
        assertThat(child.effort()).isEqualTo("high");
        assertThat(child.extendsName()).isEqualTo("base");
        assertThat(child.claudeFlags()).containsExactly(Map.entry("max_budget_usd", 5), Map.entry("add_dir", "/data"));
        assertThat(child.configDirectories()).containsExactly(Path.of("/profiles/base"), Path.of("/profiles/child"));
    }

    @Test
    void cyclesAndMissingParentsAreRejected() {
        Map<String, ProfileDefinition> definitions = Map.of(
                "a", new ProfileDefinition("a", null, "b", null, null, null, null, null, null, null, Map.of(), null),
                "b", new ProfileDefinition("b", null, "a", null, null, null, null, null, null, null, Map.of(), null),
                "orphan",
                        new ProfileDefinition(
                                "orphan", null, "gone", null, null, null, null, null, null, null, Map.of(), null));

        assertThatThrownBy(() -> ProfileResolver.resolve("a", definitions::get)).hasMessageContaining("cycle");
        assertThatThrownBy(() -> ProfileResolver.resolve("orphan", definitions::get))
                .hasMessage("parent profile gone does not exist");
    }
}
