package dev.agenticore.testkit.anthropic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Scripted answer to one request to {@code POST /v1/messages}: an assistant message, an HTTP error in the
 * Anthropic error shape, or a hang that sends nothing until the server closes.
 *
 * <p>Instances are immutable, so one reply may be enqueued several times. Each {@code with…} and {@code then…}
 * method returns a new reply.
 */
public final class Reply {

    private enum Kind {
        MESSAGE,
        ERROR,
        HANG
    }

    private final Kind kind;
    private final List<ContentBlock> blocks;
    private final ApiError error;
    private final Duration delay;
    private final Duration chunkDelay;
    private final Usage usage;
    private final Map<String, String> headers;

    private Reply(
            Kind kind,
            List<ContentBlock> blocks,
            ApiError error,
            Duration delay,
            Duration chunkDelay,
            Usage usage,
            Map<String, String> headers) {
        this.kind = kind;
        this.blocks = List.copyOf(blocks);
        this.error = error;
        this.delay = delay;
        this.chunkDelay = chunkDelay;
        this.usage = usage;
        this.headers = Map.copyOf(headers);
    }

    private static Reply message(ContentBlock block) {
        return new Reply(Kind.MESSAGE, List.of(block), null, Duration.ZERO, Duration.ZERO, null, Map.of());
    }

    /** Creates a message with one text block that ends with {@code stop_reason} {@code end_turn}. */
    public static Reply text(String text) {
        return message(new ContentBlock.Text(text));
    }

    /** Creates a message with one thinking block. Append the text with {@link #thenText(String)}. */
    public static Reply thinking(String thinking) {
        return message(new ContentBlock.Thinking(thinking));
    }

    /**
     * Creates a message with one {@code tool_use} block, which ends with {@code stop_reason} {@code tool_use}.
     * The server gives the block a new {@code toolu_} id each time it sends it.
     *
     * @param name tool name as the CLI lists it, for example {@code Write} or {@code Bash}
     * @param input tool input, serialized to JSON with Jackson
     */
    public static Reply toolUse(String name, Map<String, ?> input) {
        return message(new ContentBlock.ToolUse(name, input));
    }

    /**
     * Creates an HTTP error response with the body {@code {"type":"error","error":{"type":…,"message":…}}}.
     *
     * @param status HTTP status, for example 400, 401, 500 or 529
     * @param type Anthropic error type, for example {@code invalid_request_error} or {@code overloaded_error}
     * @param message human-readable error message
     */
    public static Reply error(int status, String type, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Error status must be 4xx or 5xx, got " + status);
        }
        ApiError error = new ApiError(status, Objects.requireNonNull(type), Objects.requireNonNull(message));
        return new Reply(Kind.ERROR, List.of(), error, Duration.ZERO, Duration.ZERO, null, Map.of());
    }

    /**
     * Creates a reply that keeps the connection open and sends nothing, not even the status line, until the
     * server closes. Use it to keep a CLI run busy so a test can cancel it.
     */
    public static Reply hang() {
        return new Reply(Kind.HANG, List.of(), null, Duration.ZERO, Duration.ZERO, null, Map.of());
    }

    /** Returns this message with a text block appended. */
    public Reply thenText(String text) {
        return append(new ContentBlock.Text(text));
    }

    /** Returns this message with a thinking block appended. */
    public Reply thenThinking(String thinking) {
        return append(new ContentBlock.Thinking(thinking));
    }

    /** Returns this message with a {@code tool_use} block appended, as in {@link #toolUse(String, Map)}. */
    public Reply thenToolUse(String name, Map<String, ?> input) {
        return append(new ContentBlock.ToolUse(name, input));
    }

    /** Returns this reply sent after waiting {@code delay}, counted from the arrival of the request. */
    public Reply withDelay(Duration delay) {
        requireNonNegative(delay);
        return new Reply(kind, blocks, error, delay, chunkDelay, usage, headers);
    }

    /** Returns this reply with a pause of {@code chunkDelay} before each server-sent event after the first. */
    public Reply withChunkDelay(Duration chunkDelay) {
        requireNonNegative(chunkDelay);
        return new Reply(kind, blocks, error, delay, chunkDelay, usage, headers);
    }

    /**
     * Returns this message with fixed token counts in its {@code usage}. Without it the server estimates them
     * at four characters per token from the request body and the reply content.
     */
    public Reply withUsage(int inputTokens, int outputTokens) {
        requireMessage("withUsage");
        return new Reply(kind, blocks, error, delay, chunkDelay, new Usage(inputTokens, outputTokens), headers);
    }

    /**
     * Returns this reply with an extra response header. For example, {@code x-should-retry: false} stops
     * Claude Code 2.1.197 from retrying a 401, though not a 529.
     */
    public Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new Reply(kind, blocks, error, delay, chunkDelay, usage, copy);
    }

    /** Returns {@code tool_use} when the message contains a tool call, otherwise {@code end_turn}. */
    public String stopReason() {
        boolean callsTool = blocks.stream().anyMatch(ContentBlock.ToolUse.class::isInstance);
        return callsTool ? "tool_use" : "end_turn";
    }

    boolean isError() {
        return kind == Kind.ERROR;
    }

    boolean isHang() {
        return kind == Kind.HANG;
    }

    List<ContentBlock> blocks() {
        return blocks;
    }

    ApiError apiError() {
        return error;
    }

    Duration delay() {
        return delay;
    }

    Duration chunkDelay() {
        return chunkDelay;
    }

    Map<String, String> headers() {
        return headers;
    }

    OptionalInt fixedInputTokens() {
        return usage == null ? OptionalInt.empty() : OptionalInt.of(usage.inputTokens());
    }

    OptionalInt fixedOutputTokens() {
        return usage == null ? OptionalInt.empty() : OptionalInt.of(usage.outputTokens());
    }

    private Reply append(ContentBlock block) {
        requireMessage("then…");
        List<ContentBlock> copy = new ArrayList<>(blocks);
        copy.add(block);
        return new Reply(kind, copy, error, delay, chunkDelay, usage, headers);
    }

    private void requireMessage(String method) {
        if (kind != Kind.MESSAGE) {
            throw new IllegalStateException(method + " applies to message replies only, not to " + this);
        }
    }

    private static void requireNonNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Duration must not be negative, got " + duration);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MESSAGE -> "Reply.message" + blocks;
            case ERROR -> "Reply.error(" + error + ")";
            case HANG -> "Reply.hang()";
        };
    }

    /** HTTP status and Anthropic error type and message of an error reply. */
    record ApiError(int status, String type, String message) {}

    private record Usage(int inputTokens, int outputTokens) {
        Usage {
            if (inputTokens < 0 || outputTokens < 0) {
                throw new IllegalArgumentException(
                        "Token counts must not be negative, got " + inputTokens + " and " + outputTokens);
            }
        }
    }
}
