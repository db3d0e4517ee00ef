package dev.agenticore.core.workspace;

/**
 * What publishing a job's work produced.
 *
 * @param prUrl URL of the pull request, or null when none was opened
 * @param problem why publishing failed, or null; it never changes the job's status
 */
public record Publication(String prUrl, String problem) {
    /** Nothing was published and nothing went wrong. */
    public static final Publication NOTHING = new Publication(null, null);
}
