package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/**
 * Tab-separated values for scripts: a header line, then one line per row. A backslash, tab, line feed or
 * carriage return inside a value is written {@code \\}, {@code \t}, {@code \n}, {@code \r}, so that a line is
 * always one row and a tab always separates cells.
 */
final class TsvFormat implements OutputFormat {

    @Override
    public void print(Table table, JsonNode source, PrintStream out) {
        out.println(String.join("\t", table.headers()));
        for (var row : table.rows()) {
            out.println(String.join("\t", row.stream().map(TsvFormat::escape).toList()));
        }
    }

    @Override
    public void done(String message, JsonNode answer, PrintStream out) {
        out.println(message);
    }

    static String escape(String value) {
        if (value.chars().noneMatch(c -> c == '\\' || c == '\t' || c == '\n' || c == '\r')) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
