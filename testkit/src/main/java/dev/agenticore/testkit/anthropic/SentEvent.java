package dev.agenticore.testkit.anthropic;

import java.time.Instant;

/**
 * One server-sent event that {@link ScriptedAnthropicApi} wrote to a streaming response, for tests
 * that measure how long an event takes to reach a client further down.
 *
 * @param type the {@code event:} name, such as {@code content_block_delta}
 * @param data the {@code data:} JSON text
 * @param sentAt when the event was flushed to the connection, from {@link Instant#now()}
 */
public record SentEvent(String type, String data, Instant sentAt) {}
