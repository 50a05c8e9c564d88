package io.warren.server.management.api;

import io.warren.message.Values;
import io.warren.server.management.http.ApiException;
import io.warren.server.management.http.JsonBody;
import java.util.Map;

/**
 * Reads argument and header tables (queue, exchange and binding {@code arguments}, message {@code headers})
 * from JSON bodies: objects whose values become strings, booleans, ints or longs, doubles, lists and maps, the
 * types the engine stores. Stateless.
 */
final class ArgumentTables {

    private ArgumentTables() {
    }

    /**
     * The object in {@code field}, or an empty table when it is not given.
     *
     * @throws ApiException 400 naming the field if it is not an object, or the entry holding a number beyond
     *     64 bits
     */
    static Map<String, Object> read(JsonBody body, String field) {
        Map<String, Object> table = body.object(field).orElse(Map.of());
        table.forEach((key, value) -> {
            if (!Values.isSupported(value)) {
                throw ApiException.badRequest("field '" + field + "' has a value for '" + key + "' that cannot be "
                        + "stored: numbers must fit in 64 bits");
            }
        });
        return table;
    }
}
