package dev.agenticore.core.agent;

import dev.agenticore.core.profile.Profile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an agent run needs.
 *
 * @param runId id of the job or completion the run belongs to
 * @param prompt the task or message for the agent
 * @param profile the execution profile
 * @param workingDirectory directory the agent works in
 * @param configDirectory directory where the profile's configuration may be materialized for this run
 * @param sessionId Claude session to resume, or empty
 * @param context labelled facts about the job (job id, task, repository, branch) in display order
 * @param mcpConfigFiles extra {@code .mcp.json} files whose servers are added for this run
 * @param environment extra environment variables for the agent process
 * @param options further choices for runs that are not jobs; {@link RunOptions#DEFAULTS} for jobs
 */
public record AgentInvocation(
        String runId,
        String prompt,
        Profile profile,
        Path workingDirectory,
        Path configDirectory,
        String sessionId,
        Map<String, String> context,
        java.util.List<Path> mcpConfigFiles,
        Map<String, String> environment,
        RunOptions options) {

    /** Creates an invocation with {@link RunOptions#DEFAULTS}, as jobs use. */
    public AgentInvocation(
            String runId,
            String prompt,
            Profile profile,
            Path workingDirectory,
            Path configDirectory,
            String sessionId,
            Map<String, String> context,
            java.util.List<Path> mcpConfigFiles,
            Map<String, String> environment) {
        this(
                runId,
                prompt,
                profile,
                workingDirectory,
                configDirectory,
                sessionId,
                context,
                mcpConfigFiles,
                environment,
                RunOptions.DEFAULTS);
    }

    public AgentInvocation {
        Objects.requireNonNull(runId, "runId must not be null");
        Objects.requireNonNull(prompt, "prompt must not be null");
        Objects.requireNonNull(profile, "profile must not be null");
        Objects.requireNonNull(workingDirectory, "workingDirectory must not be null");
        Objects.requireNonNull(configDirectory, "configDirectory must not be null");
        sessionId = sessionId == null ? "" : sessionId;
        context = context == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
        mcpConfigFiles = mcpConfigFiles == null ? java.util.List.of() : java.util.List.copyOf(mcpConfigFiles);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        options = options == null ? RunOptions.DEFAULTS : options;
        if (!sessionId.isEmpty() && !options.newSessionId().isEmpty()) {
            throw new IllegalArgumentException("an invocation either resumes session " + sessionId
                    + " or starts session " + options.newSessionId() + ", not both");
        }
    }
}
