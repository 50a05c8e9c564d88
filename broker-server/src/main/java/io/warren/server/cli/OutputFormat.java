package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/**
 * How results reach standard output, picked once from {@code --format}: {@link TableFormat} (aligned columns,
 * for people), {@link JsonFormat} (the server's JSON as it came) or {@link TsvFormat} (for scripts).
 * Implementations are stateless.
 */
interface OutputFormat {

    /**
     * The format called {@code name}.
     *
     * @throws UsageException for a name other than {@code table}, {@code json} or {@code tsv}
     */
    static OutputFormat named(String name) {
        switch (name) {
            case "table":
                return new TableFormat();
            case "json":
                return new JsonFormat();
            case "tsv":
                return new TsvFormat();
            default:
                throw new UsageException("--format: expected table, json or tsv, got '" + name + "'");
        }
    }

    /**
     * Prints a result.
     *
     * @param table  what the columns show
     * @param source the server's JSON the table was made from
     */
    void print(Table table, JsonNode source, PrintStream out);

    /**
     * Reports a command that changed something.
     *
     * @param message what happened, in words
     * @param answer  the server's answer; a missing node when it sent no body
     */
    void done(String message, JsonNode answer, PrintStream out);
}
