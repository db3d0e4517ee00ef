package dev.agenticore.claude;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentOutcome;

/**
 * Collects what the outcome of a run needs from its events. Thread-safe, because the outcome may
 * be built while a reader that outlived the process still delivers events.
 */
final class OutcomeAssembler {
    private String sessionId = "";
    private AgentEvent.Result result;

    /** Records the session id and the result event; other events are ignored. */
    synchronized void observe(AgentEvent event) {
        if (event instanceof AgentEvent.SessionStarted started
                && !started.sessionId().isEmpty()) {
            sessionId = started.sessionId();
        } else if (event instanceof AgentEvent.Result finished) {
            result = finished;
            if (!finished.sessionId().isEmpty()) {
                sessionId = finished.sessionId();
            }
        }
    }

    /**
     * Returns the outcome of a process that exited with {@code exitCode}. A run without a result
     * event is an error. The error text of a failed run is the error result's text, else the end of
     * standard error, else a sentence with the exit code.
     *
     * @param stderrTail the end of the process's standard error
     * @param cancelled whether the run was cancelled, which only changes the fallback error text
     */
    synchronized AgentOutcome outcome(int exitCode, String stderrTail, boolean cancelled) {
        boolean isError = result == null || result.isError();
        String text = result == null ? "" : result.text();
        String errorText = "";
        if (isError || exitCode != 0) {
            errorText = errorText(exitCode, stderrTail.strip(), cancelled);
        }
        if (result == null) {
            return new AgentOutcome(exitCode, "", true, errorText, sessionId, null, null, null, null);
        }
        return new AgentOutcome(
                exitCode,
                text,
                isError,
                errorText,
                sessionId,
                result.costUsd(),
                result.numTurns(),
                result.durationMs(),
                result.usage());
    }

    private String errorText(int exitCode, String stderrTail, boolean cancelled) {
        if (result != null && result.isError() && !result.text().isBlank()) {
            return result.text();
        }
        if (!stderrTail.isEmpty()) {
            return stderrTail;
        }
        if (cancelled) {
            return "Claude Code was stopped before it finished (exit code " + exitCode + ")";
        }
        if (result == null) {
            return "Claude Code exited with code " + exitCode + " without reporting a result";
        }
        return "Claude Code exited with code " + exitCode;
    }
}
