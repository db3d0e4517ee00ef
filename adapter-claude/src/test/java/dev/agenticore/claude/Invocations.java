package dev.agenticore.claude;

import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.profile.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds profiles and invocations for tests. */
final class Invocations {
    private Invocations() {}

    static Profile profile(
            String model, String permissionMode, String effort, Map<String, Object> flags, List<Path> dirs) {
        return new Profile(
                "test-profile",
                "",
                model,
                5,
                true,
                false,
                permissionMode,
                "",
                effort,
                Duration.ofMinutes(5),
                flags,
                dirs);
    }

    static Profile plainProfile() {
        return profile("default", "", "", Map.of(), List.of());
    }

    static AgentInvocation invocation(Profile profile, Path workingDirectory, Path configDirectory) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("Job", "job-1");
        context.put("Task", "fix the build");
        return new AgentInvocation(
                "job-1", "fix the build", profile, workingDirectory, configDirectory, "", context, List.of(), Map.of());
    }

    static AgentInvocation withSession(AgentInvocation invocation, String sessionId) {
        return new AgentInvocation(
                invocation.runId(),
                invocation.prompt(),
                invocation.profile(),
                invocation.workingDirectory(),
                invocation.configDirectory(),
                sessionId,
                invocation.context(),
                invocation.mcpConfigFiles(),
                invocation.environment());
    }

    static AgentInvocation withMcpFiles(AgentInvocation invocation, List<Path> files) {
        return new AgentInvocation(
                invocation.runId(),
                invocation.prompt(),
                invocation.profile(),
                invocation.workingDirectory(),
                invocation.configDirectory(),
                invocation.sessionId(),
                invocation.context(),
                files,
                invocation.environment());
    }

    static AgentInvocation withEnvironment(AgentInvocation invocation, Map<String, String> environment) {
        return new AgentInvocation(
                invocation.runId(),
                invocation.prompt(),
                invocation.profile(),
                invocation.workingDirectory(),
                invocation.configDirectory(),
                invocation.sessionId(),
                invocation.context(),
                invocation.mcpConfigFiles(),
                environment);
    }
}
