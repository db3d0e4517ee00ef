package dev.agenticore.github;

/** Writes the title and body of the pull requests that Agenticore opens. */
final class PullRequestText {

    /** Maximum title length in characters, ellipsis included. */
    static final int MAX_TITLE_LENGTH = 70;

    private static final String ELLIPSIS = "…";

    private PullRequestText() {}

    /** See {@link GitHubCodeHost#pullRequestTitle(String)}. */
    static String title(String task) {
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

    /** See {@link GitHubCodeHost#pullRequestBody(String, String, String)}. */
    static String body(String jobId, String task, String profile) {
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
