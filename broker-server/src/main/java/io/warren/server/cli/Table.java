package io.warren.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text under headers, the common shape of what the output formats print. Immutable.
 *
 * @param headers the column headers
 * @param rows    the cells, each row as long as {@code headers}
 */
record Table(List<String> headers, List<List<String>> rows) {

    Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** One row per element of the JSON array {@code items}, one cell per column; no rows when it is no array. */
    static Table of(List<Column> columns, JsonNode items) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : items.isArray() ? items : Json.MAPPER.createArrayNode()) {
            rows.add(columns.stream().map(column -> column.cell().apply(item)).toList());
        }
        return new Table(columns.stream().map(Column::header).toList(), rows);
    }
}
