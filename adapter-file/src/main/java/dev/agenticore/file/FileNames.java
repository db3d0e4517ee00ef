package dev.agenticore.file;

/**
 * Checks that ids and profile names can be used as one file name without leaving a directory: 1 to
 * 200 letters, digits, dots, underscores and hyphens, starting with a letter or digit, so never
 * {@code ..}.
 */
final class FileNames {
    /** Longest accepted name. */
    private static final int MAX_LENGTH = 200;

    private FileNames() {}

    /** Returns whether the value is a safe single file name; null is not. */
    static boolean isSafe(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !isAlphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Returns whether a character is an ASCII letter or digit. */
    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
