package dev.agenticore.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and applies the slash tokens of a user message: {@code /show-thinking}, {@code
 * /hide-thinking}, {@code /show-tools}, {@code /hide-tools}, {@code /show-all}, {@code /hide-all}
 * and {@code /stream-status}. A token counts only as a whole word between whitespace or the ends of
 * the text. Other words that start with a slash, such as paths, stay in the text.
 */
public final class SlashCommands {
    /** Every recognized token. */
    public static final Set<String> TOKENS = Set.of(
            "/show-thinking",
            "/hide-thinking",
            "/show-tools",
            "/hide-tools",
            "/show-all",
            "/hide-all",
            "/stream-status");

    private static final Pattern WORD = Pattern.compile("(?<=^|\\s)/[a-z][a-z-]*(?=\\s|$)");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private SlashCommands() {}

    /**
     * A message with its tokens removed.
     *
     * @param text the message without its tokens, runs of spaces and tabs collapsed, trimmed
     * @param tokens the tokens found, in order
     */
    public record Parsed(String text, List<String> tokens) {
        /** Returns whether the message contains tokens and nothing else. */
        public boolean onlyTokens() {
            return !tokens.isEmpty() && text.isBlank();
        }
    }

    /** Removes the recognized tokens from a message. */
    public static Parsed parse(String message) {
        List<String> tokens = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher matcher = WORD.matcher(message);
        while (matcher.find()) {
            if (TOKENS.contains(matcher.group())) {
                tokens.add(matcher.group());
                matcher.appendReplacement(rest, "");
            }
        }
        matcher.appendTail(rest);
        if (tokens.isEmpty()) {
            return new Parsed(message, List.of());
        }
        return new Parsed(SPACES.matcher(rest).replaceAll(" ").strip(), List.copyOf(tokens));
    }

    /** Applies tokens from left to right; {@code /stream-status} changes nothing. */
    public static StreamSettings apply(StreamSettings settings, List<String> tokens) {
        boolean thinking = settings.showThinking();
        boolean tools = settings.showTools();
        for (String token : tokens) {
            switch (token) {
                case "/show-thinking" -> thinking = true;
                case "/hide-thinking" -> thinking = false;
                case "/show-tools" -> tools = true;
                case "/hide-tools" -> tools = false;
                case "/show-all" -> {
                    thinking = true;
                    tools = true;
                }
                case "/hide-all" -> {
                    thinking = false;
                    tools = false;
                }
                default -> {}
            }
        }
        return new StreamSettings(thinking, tools);
    }
}
