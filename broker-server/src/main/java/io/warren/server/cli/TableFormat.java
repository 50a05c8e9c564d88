package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Aligned columns under a header line, two spaces apart; columns of numbers are aligned to the right. Control
 * characters in values are shown escaped as in {@link TsvFormat}, so that every row stays one line.
 */
final class TableFormat implements OutputFormat {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String GAP = "  ";

    @Override
    public void print(Table table, JsonNode source, PrintStream out) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.headers());
        table.rows().forEach(row -> lines.add(row.stream().map(TsvFormat::escape).toList()));
        int columns = table.headers().size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = !table.rows().isEmpty();
            for (List<String> line : lines) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
            for (List<String> row : lines.subList(1, lines.size())) {
                numeric[c] &= row.get(c).isEmpty() || NUMBER.matcher(row.get(c)).matches();
            }
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    text.append(GAP);
                }
                String cell = line.get(c);
                String padding = " ".repeat(widths[c] - cell.length());
                text.append(numeric[c] ? padding + cell : cell + padding);
            }
            out.println(text.toString().stripTrailing());
        }
    }

    @Override
    public void done(String message, JsonNode answer, PrintStream out) {
        out.println(message);
    }
}
