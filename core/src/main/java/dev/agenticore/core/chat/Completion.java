package dev.agenticore.core.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * The record of one request to the completions API.
 *
 * @param uuid the caller's id of the completion
 * @param status the completion's status
 * @param message the message sent to the agent
 * @param meta the caller's metadata as JSON text, {@code {}} when none was given
 * @param result the agent's final reply, or empty
 * @param sessionId the agent's session id, or empty
 * @param costUsd reported cost in US dollars, or null
 * @param durationMs run time of the agent in milliseconds, or null
 * @param numTurns reported agentic turns, or null
 * @param isError whether the agent reported an error
 * @param error why the completion failed, or empty
 * @param createdAt when the request arrived
 * @param startedAt when the agent started, or null
 * @param endedAt when the completion ended, or null
 * @param podName the node that accepted the completion and runs it, or empty for a record that
 *     names no node
 */
public record Completion(
        String uuid,
        CompletionStatus status,
        String message,
        String meta,
        String result,
        String sessionId,
        Double costUsd,
        Long durationMs,
        Integer numTurns,
        boolean isError,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        String podName) {

    public Completion {
        Objects.requireNonNull(uuid, "uuid must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        message = Objects.requireNonNullElse(message, "");
        meta = meta == null || meta.isBlank() ? "{}" : meta;
        result = Objects.requireNonNullElse(result, "");
        sessionId = Objects.requireNonNullElse(sessionId, "");
        error = Objects.requireNonNullElse(error, "");
        podName = Objects.requireNonNullElse(podName, "");
    }

    /** Returns a new queued completion that names no node. */
    public static Completion queued(String uuid, String message, String meta, Instant now) {
        return queued(uuid, message, meta, "", now);
    }

    /** Returns a new queued completion accepted by the node {@code podName}. */
    public static Completion queued(String uuid, String message, String meta, String podName, Instant now) {
        return new Completion(
                uuid,
                CompletionStatus.QUEUED,
                message,
                meta,
                "",
                "",
                null,
                null,
                null,
                false,
                "",
                now,
                null,
                null,
                podName);
    }

    /** Returns a copy that is running since {@code now}. */
    public Completion running(Instant now) {
        return new Completion(
                uuid,
                CompletionStatus.RUNNING,
                message,
                meta,
                result,
                sessionId,
                costUsd,
                durationMs,
                numTurns,
                isError,
                error,
                createdAt,
                now,
                endedAt,
                podName);
    }

    /** Returns a copy that ended at {@code now} with the given result of the agent. */
    public Completion ended(TurnResult turn, Instant now) {
        return new Completion(
                uuid,
                turn.isError() ? CompletionStatus.FAILED : CompletionStatus.COMPLETED,
                message,
                meta,
                turn.text(),
                turn.sessionId(),
                turn.costUsd(),
                turn.durationMs(),
                turn.numTurns(),
                turn.isError(),
                turn.error(),
                createdAt,
                startedAt,
                now,
                podName);
    }
}
