package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.agent.AgentCapacity;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.chat.AgentModeSettings;
import dev.agenticore.core.chat.CompletionService;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.core.memory.InMemoryCompletionStore;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileDefinition;
import dev.agenticore.core.profile.ProfileResolver;
import dev.agenticore.json.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code agent_completions} tool over the completion service and an in-memory agent. */
@Timeout(30)
class AgentCompletionsToolTest {
    @TempDir
    Path temp;

    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;
    private volatile boolean fail;
    private InMemoryServices services;
    private CompletionService completions;
    private McpTools tools;

    @BeforeEach
    void start() throws Exception {
        services = InMemoryServices.quick();
        Clock clock = Clock.systemUTC();
        Profile profile = ProfileResolver.resolve("code", name -> ProfileDefinition.named("code"));
        AgentModeSettings settings = new AgentModeSettings(
                "anton-agent",
                "anton",
                Files.createDirectories(temp.resolve("package")),
                temp.resolve("runs"),
                Duration.ofSeconds(20),
                true,
                5);
        InMemoryAgentRunner runner = new InMemoryAgentRunner(
                (invocation, events) -> {
                    if (hold) {
                        release.await();
                    }
                    return fail
                            ? new AgentOutcome(1, "", true, "API Error: 400 bad prompt", "", null, null, null, null)
                            : new AgentOutcome(
                                    0, "reply to " + invocation.prompt(), false, "", "s-7", 0.02, 2, 9L, null);
                },
                clock);
        completions = new CompletionService(
                settings, runner, () -> profile, new AgentCapacity(1), new InMemoryCompletionStore(), clock);
        tools = new McpTools(services.jobs, services.worktrees, services.profiles, completions);
    }

    @AfterEach
    void stop() {
        release.countDown();
        completions.close();
        services.close();
    }

    @Test
    void toolIsListedOnlyInAgentMode() {
        assertThat(tools.tools().stream().map(McpSchema.Tool::name)).endsWith("agent_completions");
        assertThat(tools.hasCompletions()).isTrue();
        assertThat(services.tools.tools().stream().map(McpSchema.Tool::name)).doesNotContain("agent_completions");
        assertThat(services.tools
                        .call("agent_completions", Map.of("message", "hi", "uuid", "u-0"))
                        .isError())
                .isTrue();
    }

    @Test
    void waitingCallReturnsTheFinishedCompletion() throws Exception {
        JsonNode body = body(tools.call("agent_completions", arguments("u-1", "say hello")));

        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.at("/completion/status").asText()).isEqualTo("completed");
        assertThat(body.at("/completion/result").asText()).isEqualTo("reply to say hello");
        assertThat(body.at("/completion/session_id").asText()).isEqualTo("s-7");
        assertThat(body.at("/completion/num_turns").asInt()).isEqualTo(2);
        assertThat(completions.get("u-1").result()).isEqualTo("reply to say hello");
    }

    @Test
    void callWithoutWaitIsQueued() throws Exception {
        hold = true;
        Map<String, Object> arguments = arguments("u-2", "later");
        arguments.put("wait", false);
        arguments.put("meta", Map.of("ticket", "T-9"));

        JsonNode body = body(tools.call("agent_completions", arguments));

        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("status").asText()).isEqualTo("queued");
        assertThat(body.path("poll_url").asText()).isEqualTo("/completions/u-2");
        release.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!completions.get("u-2").status().isTerminal() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(completions.get("u-2").result()).isEqualTo("reply to later");
        assertThat(completions.get("u-2").meta()).isEqualTo("{\"ticket\":\"T-9\"}");
    }

    @Test
    void failedAgentIsAnErrorResult() throws Exception {
        fail = true;
        McpSchema.CallToolResult result = tools.call("agent_completions", arguments("u-3", "break"));

        assertThat(result.isError()).isTrue();
        JsonNode body = body(result);
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").asText()).contains("API Error: 400 bad prompt");
        assertThat(body.at("/completion/status").asText()).isEqualTo("failed");
    }

    @Test
    void badArgumentsNameTheField() throws Exception {
        Map<String, Object> wrongWait = arguments("u-4", "x");
        wrongWait.put("wait", "yes");
        Map<String, Object> unknown = arguments("u-5", "x");
        unknown.put("colour", "red");
        Map<String, Object> traversal = arguments("../../etc/passwd", "x");

        assertThat(error(tools.call("agent_completions", wrongWait))).contains("wait");
        assertThat(error(tools.call("agent_completions", unknown))).contains("colour");
        assertThat(error(tools.call("agent_completions", Map.of("uuid", "u-6"))))
                .contains("message");
        assertThat(error(tools.call("agent_completions", traversal))).contains("uuid");
    }

    @Test
    void reusedUuidIsRejected() throws Exception {
        tools.call("agent_completions", arguments("u-8", "first"));

        McpSchema.CallToolResult second = tools.call("agent_completions", arguments("u-8", "second"));

        assertThat(second.isError()).isTrue();
        assertThat(error(second)).contains("u-8");
        assertThat(completions.get("u-8").message()).isEqualTo("first");
    }

    private static Map<String, Object> arguments(String uuid, String message) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("message", message);
        arguments.put("uuid", uuid);
        return arguments;
    }

    private static JsonNode body(McpSchema.CallToolResult result) throws Exception {
        return Json.mapper().valueToTree(result.structuredContent());
    }

    private static String error(McpSchema.CallToolResult result) throws Exception {
        assertThat(result.isError()).isTrue();
        return body(result).path("error").asText();
    }
}
