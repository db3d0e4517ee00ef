package dev.agenticore.core.job;

import java.util.Optional;

/**
 * Checks branch names against the rules of {@code git check-ref-format}, plus one of Agenticore's
 * own: a name must not start with {@code -}, so it can never be read as a command-line option.
 */
public final class GitRefNames {
    private static final int MAX_LENGTH = 255;

    private GitRefNames() {}

    /**
     * Explains why a name is not a valid branch name.
     *
     * @return the reason, or empty when the name is valid
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        if (name.startsWith("-")) {
            return Optional.of("it starts with '-'");
        }
        if (name.equals("@")) {
            return Optional.of("'@' alone is not a ref name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0) {
                return Optional.of("it contains the character " + describe(c));
            }
        }
        if (name.contains("..") || name.contains("@{") || name.contains("//")) {
            return Optional.of("it contains '..', '@{' or '//'");
        }
        if (name.startsWith("/") || name.endsWith("/") || name.endsWith(".")) {
            return Optional.of("it starts or ends with '/' or ends with '.'");
        }
        for (String component : name.split("/")) {
            if (component.startsWith(".") || component.endsWith(".lock")) {
                return Optional.of("a component starts with '.' or ends with '.lock'");
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
