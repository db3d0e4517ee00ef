package dev.agenticore.core.chat;

import java.util.Objects;

/**
 * A request to the completions API, or to the {@code agent_completions} tool.
 *
 * @param message the message for the agent
 * @param uuid the caller's id of the completion, a safe file name
 * @param waitForResult whether the call blocks until the agent has finished
 * @param stateless whether the agent's session is left unsaved
 * @param model Claude model for this run, or empty for the profile's
 * @param maxTurns agentic turn limit for this run, or null for the profile's
 * @param systemPrompt text that replaces the agent's system prompt, or empty for the package's
 * @param effort Claude effort level ({@code low}, {@code medium}, {@code high}), or empty
 * @param timeoutSeconds longest run time in seconds, or null for the configured default
 * @param meta the caller's metadata as JSON text, or empty
 */
public record CompletionRequest(
        String message,
        String uuid,
        boolean waitForResult,
        boolean stateless,
        String model,
        Integer maxTurns,
        String systemPrompt,
        String effort,
        Integer timeoutSeconds,
        String meta) {

    public CompletionRequest {
        model = Objects.requireNonNullElse(model, "").strip();
        systemPrompt = Objects.requireNonNullElse(systemPrompt, "");
        effort = Objects.requireNonNullElse(effort, "").strip();
        meta = Objects.requireNonNullElse(meta, "");
    }
}
