package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/**
 * The server's JSON, indented: the whole answer for a listing (every field, not only the table's columns), the
 * answer of a change when it has a body ({@code publish}: {@code {"routed":true}}) and nothing when it has none.
 */
final class JsonFormat implements OutputFormat {

    @Override
    public void print(Table table, JsonNode source, PrintStream out) {
        out.println(Json.pretty(source));
    }

    @Override
    public void done(String message, JsonNode answer, PrintStream out) {
        if (!answer.isMissingNode()) {
            out.println(Json.pretty(answer));
        }
    }
}
