package dev.agenticore.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentStartException;
import dev.agenticore.core.agent.RunOptions;
import dev.agenticore.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigMaterializerTest {
    @TempDir
    Path temp;

    private Path profileDirectory(String name) throws IOException {
        return Files.createDirectories(temp.resolve("profiles").resolve(name));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private AgentInvocation invocation(List<Path> profileDirectories) throws IOException {
        Path work = Files.createDirectories(temp.resolve("work"));
        return Invocations.invocation(
                Invocations.profile("sonnet", "", "", Map.of(), profileDirectories), work, temp.resolve("config"));
    }

    private static JsonNode servers(MaterializedConfig config) throws IOException {
        return Json.mapper().readTree(config.mcpConfig().toFile()).path("mcpServers");
    }

    @Test
    void childFilesReplaceParentFiles() throws IOException {
        Path parent = profileDirectory("base");
        Path child = profileDirectory("child");
        write(parent.resolve(".claude/settings.json"), "{\"model\":\"parent\"}");
        write(parent.resolve(".claude/agents/reviewer.md"), "parent agent");
        write(parent.resolve(".claude/CLAUDE.md"), "Parent rules.");
        write(child.resolve(".claude/settings.json"), "{\"model\":\"child\"}");
        write(child.resolve(".claude/CLAUDE.md"), "\nChild rules.\n");

        MaterializedConfig config = new ConfigMaterializer(null).materialize(invocation(List.of(parent, child)));

        Path claude = temp.resolve("config/.claude");
        assertThat(claude.resolve("settings.json")).hasContent("{\"model\":\"child\"}");
        assertThat(claude.resolve("agents/reviewer.md")).hasContent("parent agent");
        assertThat(config.settings()).contains(claude.resolve("settings.json"));
        assertThat(config.claudeDirectory()).contains(temp.resolve("config"));
        assertThat(config.instructions()).isEqualTo("Child rules.");
    }

    @Test
    void nothingIsWrittenToWorkingDirectory() throws IOException {
        Path parent = profileDirectory("base");
        write(parent.resolve(".claude/settings.json"), "{}");
        write(parent.resolve(".mcp.json"), "{\"mcpServers\":{\"a\":{\"command\":\"a\"}}}");
        AgentInvocation invocation = invocation(List.of(parent));

        new ConfigMaterializer(null).materialize(invocation);

        try (var files = Files.list(invocation.workingDirectory())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void mcpServersMergeInOrder() throws IOException {
        Path parent = profileDirectory("base");
        Path child = profileDirectory("child");
        write(
                parent.resolve(".mcp.json"),
                "{\"mcpServers\":{\"a\":{\"command\":\"parent-a\"},\"b\":{\"command\":\"b\"}}}");
        write(child.resolve(".mcp.json"), "{\"mcpServers\":{\"a\":{\"command\":\"child-a\"}}}");
        Path defaults = temp.resolve("default.mcp.json");
        write(defaults, "{\"mcpServers\":{\"c\":{\"command\":\"default-c\"},\"b\":{\"command\":\"default-b\"}}}");
        Path jobFile = temp.resolve("job.mcp.json");
        write(
                jobFile,
                "{\"mcpServers\":{\"c\":{\"command\":\"job-c\"},\"d\":{\"type\":\"http\",\"url\":\"http://127.0.0.1:1\"}}}");
        AgentInvocation invocation = Invocations.withMcpFiles(invocation(List.of(parent, child)), List.of(jobFile));

        JsonNode servers = servers(new ConfigMaterializer(defaults).materialize(invocation));

        assertThat(servers.path("a").path("command").asText()).isEqualTo("child-a");
        assertThat(servers.path("b").path("command").asText()).isEqualTo("default-b");
        assertThat(servers.path("c").path("command").asText()).isEqualTo("job-c");
        assertThat(servers.path("d").path("url").asText()).isEqualTo("http://127.0.0.1:1");
        assertThat(servers.size()).isEqualTo(4);
    }

    @Test
    void disabledServersAreLeftOut() throws IOException {
        Path jobFile = temp.resolve("job.mcp.json");
        write(jobFile, "{\"mcpServers\":{\"keep\":{\"command\":\"k\"},\"drop\":{\"command\":\"d\"}}}");
        AgentInvocation plain = Invocations.withMcpFiles(invocation(List.of()), List.of(jobFile));
        AgentInvocation invocation = new AgentInvocation(
                plain.runId(),
                plain.prompt(),
                plain.profile(),
                plain.workingDirectory(),
                plain.configDirectory(),
                "",
                Map.of(),
                plain.mcpConfigFiles(),
                Map.of(),
                new RunOptions(false, "", true, "", "", Set.of("drop", "unknown")));

        JsonNode servers = servers(new ConfigMaterializer(null).materialize(invocation));

        assertThat(servers.has("keep")).isTrue();
        assertThat(servers.has("drop")).isFalse();
    }

    @Test
    void noProfileFilesGiveEmptyConfig() throws IOException {
        MaterializedConfig config =
                new ConfigMaterializer(temp.resolve("absent.json")).materialize(invocation(List.of()));

        assertThat(servers(config).isObject()).isTrue();
        assertThat(servers(config).size()).isZero();
        assertThat(config.settings()).isEmpty();
        assertThat(config.claudeDirectory()).isEmpty();
        assertThat(config.instructions()).isEmpty();
    }

    @Test
    void missingJobFileFailsWithPath() throws IOException {
        Path missing = temp.resolve("nowhere/.mcp.json");
        AgentInvocation invocation = Invocations.withMcpFiles(invocation(List.of()), List.of(missing));

        assertThatThrownBy(() -> new ConfigMaterializer(null).materialize(invocation))
                .isInstanceOf(AgentStartException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("not found");
    }

    @Test
    void invalidJobFileFailsWithPath() throws IOException {
        Path broken = temp.resolve("broken.json");
        write(broken, "{\"mcpServers\": {");
        AgentInvocation invocation = Invocations.withMcpFiles(invocation(List.of()), List.of(broken));

        assertThatThrownBy(() -> new ConfigMaterializer(null).materialize(invocation))
                .isInstanceOf(AgentStartException.class)
                .hasMessageContaining(broken.toString())
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void nonObjectServersFail() throws IOException {
        Path wrong = temp.resolve("wrong.json");
        write(wrong, "{\"mcpServers\": [1, 2]}");
        AgentInvocation invocation = Invocations.withMcpFiles(invocation(List.of()), List.of(wrong));

        assertThatThrownBy(() -> new ConfigMaterializer(null).materialize(invocation))
                .isInstanceOf(AgentStartException.class)
                .hasMessageContaining(wrong.toString())
                .hasMessageContaining("must be an object");
    }

    @Test
    void nonObjectRootFails() throws IOException {
        Path wrong = temp.resolve("array.json");
        write(wrong, "[]");
        AgentInvocation invocation = Invocations.withMcpFiles(invocation(List.of()), List.of(wrong));

        assertThatThrownBy(() -> new ConfigMaterializer(null).materialize(invocation))
                .isInstanceOf(AgentStartException.class)
                .hasMessageContaining(wrong.toString());
    }
}
