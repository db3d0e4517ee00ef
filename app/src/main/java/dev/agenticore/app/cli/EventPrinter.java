package dev.agenticore.app.cli;

import static dev.agenticore.app.cli.TextFormat.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints job events as plain lines for a terminal or a log file, each starting with the time since
 * the job was submitted, for example {@code [1:05] tool Bash: mvn -q test}. Not thread-safe.
 *
 * <p>Streamed {@code text_delta} and {@code thinking_delta} pieces are skipped: the complete {@code
 * text} event that follows them carries the same text, and printing pieces would split lines.
 */
public final class EventPrinter {
    private static final int TOOL_SUMMARY_LENGTH = 100;
    private static final int TOOL_ERROR_LENGTH = 200;

    private final PrintWriter out;
    private final Instant start;

    /** Creates a printer that measures times from {@code start}. */
    public EventPrinter(PrintWriter out, Instant start) {
        this.out = out;
        this.start = start;
    }

    /** Prints one event: the {@code data} of a server-sent event, {@code {"sequence", "time", "event"}}. */
    public void print(JsonNode data) {
        Instant time = TextFormat.instant(data, "time");
        String prefix = "[" + TextFormat.elapsed(Duration.between(start, time == null ? start : time)) + "] ";
        for (String line : describe(data.path("event"))) {
            out.println(prefix + line);
        }
        out.flush();
    }

    /** Returns the lines that describe an event; none for events not worth a line. */
    static List<String> describe(JsonNode event) {
        String type = text(event, "type");
        return switch (type) {
            case "text_delta", "thinking_delta" -> List.of();
            case "session_started" ->
                List.of("session " + text(event, "session_id") + " started"
                        + (text(event, "model").isEmpty() ? "" : " with model " + text(event, "model")));
            case "text" -> labelled("assistant: ", text(event, "text"));
            case "tool_call" -> List.of("tool " + text(event, "name") + summary(text(event, "input")));
            case "tool_result" ->
                event.path("is_error").asBoolean()
                        ? List.of("tool error: " + TextFormat.truncate(text(event, "content"), TOOL_ERROR_LENGTH))
                        : List.of();
            case "output" -> List.of("output: " + text(event, "line"));
            case "result" -> List.of(result(event));
            default -> List.of("event " + type);
        };
    }

    private static List<String> labelled(String label, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\n", -1)) {
            lines.add(lines.isEmpty() ? label + line : "  " + line);
        }
        return lines;
    }

    /** Returns ": <argument>" with the argument most telling of what a tool call does, or empty. */
    static String summary(String inputJson) {
        JsonNode input = ApiClient.parseJson(inputJson);
        if (input == null || !input.isObject() || input.isEmpty()) {
            return "";
        }
        for (String field : List.of(
                "command", "file_path", "notebook_path", "pattern", "path", "url", "query", "description", "prompt")) {
            if (input.path(field).isTextual()) {
                return ": " + TextFormat.truncate(input.get(field).asText(), TOOL_SUMMARY_LENGTH);
            }
        }
        return ": " + TextFormat.truncate(input.toString(), TOOL_SUMMARY_LENGTH);
    }

    private static String result(JsonNode event) {
        StringBuilder line = new StringBuilder("result: ");
        line.append(event.path("is_error").asBoolean() ? "error" : "success");
        if (event.path("num_turns").isNumber()) {
            int turns = event.get("num_turns").asInt();
            line.append(", ").append(turns).append(turns == 1 ? " turn" : " turns");
        }
        if (event.path("cost_usd").isNumber()) {
            line.append(", cost ")
                    .append(TextFormat.dollars(event.get("cost_usd").asDouble()));
        }
        if (event.path("is_error").asBoolean() && !text(event, "text").isBlank()) {
            line.append(": ").append(TextFormat.truncate(text(event, "text"), TOOL_ERROR_LENGTH));
        }
        return line.toString();
    }
}
