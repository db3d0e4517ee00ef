package dev.agenticore.core.workspace;

/** Writes the title and body of the pull requests that Agenticore opens. */
public final class PullRequestText {

    /** Maximum title length in characters, ellipsis included. */
    public static final int MAX_TITLE_LENGTH = 70;

    private static final String ELLIPSIS = "…";

    private PullRequestText() {}

    /**
     * Returns a title of at most 70 characters: the first non-blank line of the task, with runs of
     * white space collapsed, cut at the last word boundary before the limit and ended with {@code …}
     * when it is longer.
     */
    public static String title(String task) {
        String firstLine = firstLine(task);
        if (firstLine.isEmpty()) {
            return "Agenticore changes";
        }
        if (firstLine.length() <= MAX_TITLE_LENGTH) {
            return firstLine;
        }
        String prefix = firstLine.substring(0, MAX_TITLE_LENGTH - ELLIPSIS.length());
        int lastSpace = prefix.lastIndexOf(' ');
        boolean cutsWord = !Character.isWhitespace(firstLine.charAt(prefix.length()));
        if (cutsWord && lastSpace > 0) {
            prefix = prefix.substring(0, lastSpace);
        }
        String trimmed = prefix.replaceAll("[\\s,;:.-]+$", "");
        return (trimmed.isEmpty() ? prefix : trimmed) + ELLIPSIS;
    }

    /** Returns a markdown description that names the job and the profile and quotes the whole task. */
    public static String body(String jobId, String task, String profile) {
        StringBuilder body = new StringBuilder();
        body.append("Opened by Agenticore for job `")
                .append(jobId)
                .append("` with profile `")
                .append(profile)
                .append("`.\n\n## Task\n\n");
        for (String line : (task == null ? "" : task.strip()).split("\\R", -1)) {
            body.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return body.toString();
    }

    private static String firstLine(String task) {
        if (task == null) {
            return "";
        }
        for (String line : task.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip().replaceAll("\\s+", " ");
            }
        }
        return "";
    }
}
