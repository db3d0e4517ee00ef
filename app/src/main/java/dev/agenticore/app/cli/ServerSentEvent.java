package dev.agenticore.app.cli;

/**
 * One event of a {@code text/event-stream}.
 *
 * @param id the {@code id} field, or null when the event has none
 * @param type the {@code event} field, {@code message} when the event has none
 * @param data the {@code data} lines joined by line feeds
 */
public record ServerSentEvent(String id, String type, String data) {}
