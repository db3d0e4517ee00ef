package dev.agenticore.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled values printed one per line with aligned values; fields with an empty value are left
 * out. A value that spans several lines prints below its label, indented. Not thread-safe.
 */
public final class Details {
    private record Field(String label, String value) {}

    private final List<Field> fields = new ArrayList<>();

    /** Adds a field unless {@code value} is null or empty. */
    public Details add(String label, String value) {
        if (value != null && !value.isEmpty()) {
            fields.add(new Field(label, value));
        }
        return this;
    }

    /** Prints the fields. */
    public void print(PrintWriter out) {
        int width =
                fields.stream().mapToInt(field -> field.label().length()).max().orElse(0) + 2;
        for (Field field : fields) {
            String label = field.label() + ":";
            if (field.value().contains("\n")) {
                out.println(label);
                field.value().lines().forEach(line -> out.println("  " + line));
            } else {
                out.println(label + " ".repeat(width - label.length()) + field.value());
            }
        }
        out.flush();
    }
}
