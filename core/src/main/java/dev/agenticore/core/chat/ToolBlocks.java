package dev.agenticore.core.chat;

/**
 * Formats tool calls and results as Markdown for the reasoning channel of a chat stream. They are
 * not sent as OpenAI {@code tool_calls}, because a client would try to run the tools itself.
 */
public final class ToolBlocks {
    /** Maximum length in characters of a tool result in a stream. The rest is cut and a note states how much. */
    public static final int MAX_RESULT_CHARS = 4000;

    private ToolBlocks() {}

    /** Returns a tool call as a heading with the tool name and a fenced JSON block of its input. */
    public static String call(String name, String inputJson) {
        return "\n\n**Tool call: " + name + "**\n" + fence("json", inputJson) + "\n";
    }

    /** Returns a tool result as a heading and a fenced block, cut to {@value #MAX_RESULT_CHARS} characters. */
    public static String result(String content, boolean isError) {
        String shown = content.length() <= MAX_RESULT_CHARS
                ? content
                : content.substring(0, MAX_RESULT_CHARS) + "\n[" + (content.length() - MAX_RESULT_CHARS)
                        + " more characters not shown]";
        return "\n**Tool result" + (isError ? " (error)" : "") + "**\n" + fence("", shown) + "\n";
    }

    /** Wraps text in a fence longer than any run of backticks inside it, as CommonMark requires. */
    static String fence(String language, String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String marker = "`".repeat(Math.max(3, longest + 1));
        String body = text.endsWith("\n") ? text : text + "\n";
        return marker + language + "\n" + body + marker;
    }
}
