package dev.agenticore.core.sync;

import dev.agenticore.core.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A companion content repository that the server keeps a local copy of. */
public enum SyncTarget {
    /** Hook scripts and profiles shared with the agent's own tooling. */
    AGENTIHOOKS,
    /** Profile bundle: its {@code profiles/} directory joins the profile catalog. */
    BUNDLE,
    /** Agent packages. */
    AGENTIHUB;

    /** Selector that names every target. */
    public static final String ALL = "all";

    /** Returns the lower-case name used in query parameters, responses and directory names. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a selector: {@code all} or one target's wire name.
     *
     * @param selector the value of the {@code target} query parameter; null or empty means {@code all}
     * @return the selected targets in declaration order
     * @throws InvalidRequestException naming {@code target} when the selector is unknown
     */
    public static List<SyncTarget> select(String selector) {
        if (selector == null || selector.isEmpty() || selector.equals(ALL)) {
            return List.of(values());
        }
        for (SyncTarget target : values()) {
            if (target.wireName().equals(selector)) {
                return List.of(target);
            }
        }
        throw new InvalidRequestException(
                "target", "invalid target '" + selector + "'; expected one of: " + ALL + ", " + allWireNames());
    }

    private static String allWireNames() {
        return String.join(
                ", ", Arrays.stream(values()).map(SyncTarget::wireName).toList());
    }
}
