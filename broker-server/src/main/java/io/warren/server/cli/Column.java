package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One column of a listing: its header and how a cell is taken from one JSON object of the server's answer.
 * Immutable.
 *
 * @param header the header, also the TSV header: lower case, no spaces
 * @param cell   the cell text of one item
 */
record Column(String header, Function<JsonNode, String> cell) {

    /** A column showing the field at {@code dottedPath} ({@code messages_ready}, {@code queue.name}). */
    static Column field(String header, String dottedPath) {
        return new Column(header, item -> Json.text(Json.at(item, dottedPath)));
    }

    /** A column whose header is the field name. */
    static Column field(String name) {
        return field(name, name);
    }
}
