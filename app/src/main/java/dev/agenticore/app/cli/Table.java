package dev.agenticore.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table with fixed-width columns: each column is as wide as its widest cell, up to the column's
 * maximum width, and longer cells are cut with "...". Not thread-safe.
 */
public final class Table {
    private final List<String> headers = new ArrayList<>();
    private final List<Integer> maxWidths = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a column whose cells are cut to {@code maxWidth} characters. */
    public Table column(String header, int maxWidth) {
        headers.add(header);
        maxWidths.add(maxWidth);
        return this;
    }

    /** Adds a row; null cells print as empty. */
    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            row.add(TextFormat.truncate(cells[i] == null ? "" : cells[i], maxWidths.get(i)));
        }
        rows.add(row);
        return this;
    }

    /** Prints the header line and the rows, separating columns by two spaces. */
    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printLine(out, headers, widths);
        rows.forEach(row -> printLine(out, row, widths));
        out.flush();
    }

    private static void printLine(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        out.println(line.toString().stripTrailing());
    }
}
