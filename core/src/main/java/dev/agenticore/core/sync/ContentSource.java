package dev.agenticore.core.sync;

import java.util.Objects;

/**
 * Where one companion repository comes from.
 *
 * @param target which repository this is
 * @param url the git URL, or empty when the target is not configured
 * @param branch the branch to follow; empty means {@code main}
 */
public record ContentSource(SyncTarget target, String url, String branch) {
    /** Branch followed when none is configured. */
    public static final String DEFAULT_BRANCH = "main";

    public ContentSource {
        Objects.requireNonNull(target, "target must not be null");
        url = url == null ? "" : url.trim();
        branch = branch == null || branch.isBlank() ? DEFAULT_BRANCH : branch.trim();
    }

    /** Returns whether a URL is configured. */
    public boolean configured() {
        return !url.isEmpty();
    }
}
