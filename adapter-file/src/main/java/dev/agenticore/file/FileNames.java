package dev.agenticore.file;

import java.util.regex.Pattern;

/** Checks that ids and profile names can be used as one file name without leaving a directory. */
final class FileNames {
    /** Letters, digits, dot, underscore and hyphen, starting with a letter or digit, so never "..". */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private FileNames() {}

    /** Returns whether the value is a safe single file name; null is not. */
    static boolean isSafe(String value) {
        return value != null && SAFE.matcher(value).matches();
    }
}
