package dev.agenticore.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.RunOptions;
import dev.agenticore.core.profile.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaudeCommandLineTest {
    private static final Path WORK = Path.of("/work/job-1");
    private static final Path CONFIG = Path.of("/config/job-1");
    private static final MaterializedConfig NO_PROFILE_FILES =
            new MaterializedConfig(CONFIG.resolve(".mcp.json"), Optional.empty(), Optional.empty(), "");

    private static List<String> render(Profile profile) {
        return ClaudeCommandLine.render("claude", Invocations.invocation(profile, WORK, CONFIG), NO_PROFILE_FILES);
    }

    @Test
    void renderFullProfileInOrder() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("allowed_tools", List.of("Bash(git *)", "Edit"));
        flags.put("include_partial_messages", true);
        flags.put("fallback_model", "haiku");
        Profile profile = Invocations.profile("opus", "acceptEdits", "high", flags, List.of());

        assertThat(render(profile))
                .containsExactly(
                        "claude",
                        "--model",
                        "opus",
                        "--max-turns",
                        "5",
                        "--permission-mode",
                        "acceptEdits",
                        "--effort",
                        "high",
                        "--allowed-tools",
                        "Bash(git *)",
                        "Edit",
                        "--include-partial-messages",
                        "--fallback-model",
                        "haiku",
                        "--mcp-config",
                        "/config/job-1/.mcp.json",
                        "--strict-mcp-config",
                        "--output-format",
                        "stream-json",
                        "--verbose",
                        "--append-system-prompt",
                        "Job: job-1 | Task: fix the build",
                        "-p",
                        "--",
                        "fix the build");
    }

    @Test
    void defaultModelIsOmitted() {
        for (String model : List.of("default", "DEFAULT", "", "  ")) {
            assertThat(render(Invocations.profile(model, "", "", Map.of(), List.of())))
                    .as("model %s", model)
                    .doesNotContain("--model");
        }
    }

    @Test
    void skipPermissionsIsBareFlag() {
        List<String> command = render(Invocations.profile("sonnet", Profile.SKIP_PERMISSIONS, "", Map.of(), List.of()));

        assertThat(command).contains("--dangerously-skip-permissions");
        assertThat(command).doesNotContain("--permission-mode");
    }

    @Test
    void emptyPermissionAndEffortAreOmitted() {
        List<String> command = render(Invocations.plainProfile());

        assertThat(command).doesNotContain("--permission-mode", "--dangerously-skip-permissions", "--effort");
    }

    @Test
    void claudeFlagValuesRender() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("disabled", false);
        flags.put("empty", "");
        flags.put("nothing", null);
        flags.put("max_budget_usd", 2.5);
        flags.put("agents", Map.of("reviewer", Map.of("description", "Reviews code")));
        flags.put("add_dir", List.of("/a", "/b"));
        List<String> command = new ArrayList<>();

        flags.forEach((key, value) -> ClaudeCommandLine.addClaudeFlag(command, key, value));

        assertThat(command)
                .containsExactly(
                        "--max-budget-usd",
                        "2.5",
                        "--agents",
                        "{\"reviewer\":{\"description\":\"Reviews code\"}}",
                        "--add-dir",
                        "/a",
                        "/b");
    }

    @Test
    void runnerOwnedFlagsAreSkipped() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("worktree", true);
        flags.put("timeout", 600);
        flags.put("output_format", "json");
        flags.put("verbose", false);
        List<String> command = render(Invocations.profile("sonnet", "", "", flags, List.of()));

        assertThat(command).doesNotContain("--worktree", "--timeout", "json");
        assertThat(command).containsOnlyOnce("--output-format", "--verbose");
    }

    @Test
    void flagNameKeepsCase() {
        assertThat(ClaudeCommandLine.toFlag("allowed_tools")).isEqualTo("--allowed-tools");
        assertThat(ClaudeCommandLine.toFlag("allowedTools")).isEqualTo("--allowedTools");
        assertThat(ClaudeCommandLine.toFlag("--fork-session")).isEqualTo("--fork-session");
    }

    @Test
    void resumeComesBeforePrompt() {
        AgentInvocation invocation =
                Invocations.withSession(Invocations.invocation(Invocations.plainProfile(), WORK, CONFIG), "sess-1");

        List<String> command = ClaudeCommandLine.render("claude", invocation, NO_PROFILE_FILES);

        assertThat(command.subList(command.size() - 5, command.size()))
                .containsExactly("--resume", "sess-1", "-p", "--", "fix the build");
    }

    @Test
    void profileFilesAddSettingsAndDirectory() {
        MaterializedConfig config = new MaterializedConfig(
                CONFIG.resolve(".mcp.json"),
                Optional.of(CONFIG.resolve(".claude/settings.json")),
                Optional.of(CONFIG),
                "Use tabs.");
        List<String> command = ClaudeCommandLine.render(
                "claude", Invocations.invocation(Invocations.plainProfile(), WORK, CONFIG), config);

        assertThat(command).containsSubsequence("--settings", "/config/job-1/.claude/settings.json");
        assertThat(command).containsSubsequence("--add-dir", "/config/job-1");
        assertThat(command)
                .containsSubsequence("--append-system-prompt", "Use tabs.\n\nJob: job-1 | Task: fix the build");
        assertThat(command).containsOnlyOnce("--append-system-prompt");
    }

    @Test
    void systemPromptJoinsAllParts() {
        Map<String, Object> flags = Map.of("append_system_prompt", " Be brief. ");
        Map<String, String> context = new LinkedHashMap<>();
        context.put("Job", "j");
        context.put("Repo", "");
        context.put("Branch", "main");

        String prompt = ClaudeCommandLine.systemPrompt("Rules.", flags, "", context);

        assertThat(prompt).isEqualTo("Rules.\n\nBe brief.\n\nJob: j | Branch: main");
    }

    @Test
    void systemPromptFlagNotRepeated() {
        Map<String, Object> flags = Map.of("append_system_prompt", "Be brief.");
        List<String> command = render(Invocations.profile("sonnet", "", "", flags, List.of()));

        assertThat(command).containsOnlyOnce("--append-system-prompt");
        assertThat(command)
                .containsSubsequence("--append-system-prompt", "Be brief.\n\nJob: job-1 | Task: fix the build");
    }

    @Test
    void emptyContextOmitsAppendFlag() {
        AgentInvocation invocation = new AgentInvocation(
                "r", "hi", Invocations.plainProfile(), WORK, CONFIG, "", Map.of("Job", ""), List.of(), Map.of());

        List<String> command = ClaudeCommandLine.render("claude", invocation, NO_PROFILE_FILES);

        assertThat(command).doesNotContain("--append-system-prompt");
    }

    @Test
    void promptStartingWithDashFollowsSeparator() {
        AgentInvocation invocation = new AgentInvocation(
                "r", "-x do it", Invocations.plainProfile(), WORK, CONFIG, "", Map.of(), List.of(), Map.of());

        List<String> command = ClaudeCommandLine.render("claude", invocation, NO_PROFILE_FILES);

        assertThat(command.subList(command.size() - 3, command.size())).containsExactly("-p", "--", "-x do it");
    }

    @Test
    void chatOptionsAddStreamingSessionAndPrompts() {
        RunOptions options =
                new RunOptions(true, "0b6e8a52-5d4c-4a55-9a57-3c1f0f7f1a10", false, "", "Be kind.", Set.of());
        AgentInvocation invocation = new AgentInvocation(
                "r", "hi", Invocations.plainProfile(), WORK, CONFIG, "", Map.of(), List.of(), Map.of(), options);

        List<String> command = ClaudeCommandLine.render("claude", invocation, NO_PROFILE_FILES);

        assertThat(command).containsSubsequence("--verbose", "--include-partial-messages");
        assertThat(command).containsSubsequence("--append-system-prompt", "Be kind.");
        assertThat(command).containsSubsequence("--session-id", "0b6e8a52-5d4c-4a55-9a57-3c1f0f7f1a10");
        assertThat(command).contains("--no-session-persistence");
        assertThat(command).doesNotContain("--resume", "--system-prompt");
    }

    @Test
    void resumeWinsOverNewSessionFlags() {
        RunOptions options = new RunOptions(true, "", true, "Only this.", "", Set.of());
        AgentInvocation invocation = new AgentInvocation(
                "r", "hi", Invocations.plainProfile(), WORK, CONFIG, "s-1", Map.of(), List.of(), Map.of(), options);

        List<String> command = ClaudeCommandLine.render("claude", invocation, NO_PROFILE_FILES);

        assertThat(command).containsSubsequence("--resume", "s-1");
        assertThat(command).containsSubsequence("--system-prompt", "Only this.");
        assertThat(command).doesNotContain("--session-id", "--no-session-persistence");
    }

    @Test
    void partialMessagesFlagNotRepeated() {
        Map<String, Object> flags = Map.of("include_partial_messages", true);
        RunOptions options = new RunOptions(true, "", true, "", "", Set.of());
        AgentInvocation invocation = new AgentInvocation(
                "r",
                "hi",
                Invocations.profile("sonnet", "", "", flags, List.of()),
                WORK,
                CONFIG,
                "",
                Map.of(),
                List.of(),
                Map.of(),
                options);

        List<String> command = ClaudeCommandLine.render("claude", invocation, NO_PROFILE_FILES);

        assertThat(command).containsOnlyOnce("--include-partial-messages");
    }
}
