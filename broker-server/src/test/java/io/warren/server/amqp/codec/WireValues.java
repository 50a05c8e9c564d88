package io.warren.server.amqp.codec;

import com.rabbitmq.client.LongString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: turns decoded values into forms whose {@code equals} compares content, so records, tables and
 * lists holding byte arrays, and amqp-client's {@link LongString}, can be compared with AssertJ.
 */
public final class WireValues {
    private WireValues() {
    }

    /** A content-comparable copy of {@code value}. */
    public static Object normalize(Object value) {
        if (value instanceof byte[]) {
            return ByteBuffer.wrap((byte[]) value);
        }
        if (value instanceof LongString) {
            return value.toString();
        }
        if (value instanceof Map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, normalize(v)));
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<?>) value).forEach(v -> copy.add(normalize(v)));
            return copy;
        }
        if (value instanceof Record) {
            List<Object> parts = new ArrayList<>();
            parts.add(value.getClass().getName());
            for (var component : value.getClass().getRecordComponents()) {
                try {
                    parts.add(normalize(component.getAccessor().invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return parts;
        }
        return value;
    }

    /** A table with one value of every type that survives a round trip unchanged. */
    public static Map<String, Object> everyType() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("inner-string", "nested");
        nested.put("inner-int", -7);
        Map<String, Object> deeper = new LinkedHashMap<>();
        deeper.put("deepest", true);
        nested.put("inner-table", deeper);

        List<Object> array = new ArrayList<>();
        array.add("one");
        array.add(2);
        array.add(3L);
        array.add(null);
        array.add(List.of("nested", "array"));
        array.add(Map.of("k", "v"));
        array.add(new byte[] {9, 8, 7});

        Map<String, Object> table = new LinkedHashMap<>();
        table.put("string", "h\u00e9llo \u4e16\u754c \uD83D\uDE00");
        table.put("empty-string", "");
        table.put("true", Boolean.TRUE);
        table.put("false", Boolean.FALSE);
        table.put("byte", (byte) -5);
        table.put("short", (short) -30000);
        table.put("int", Integer.MIN_VALUE);
        table.put("long", Long.MAX_VALUE);
        table.put("float", 3.25f);
        table.put("double", -1.0e300);
        table.put("decimal", new java.math.BigDecimal("-12345.678"));
        table.put("timestamp", new Date(1_700_000_000_000L));
        table.put("bytes", new byte[] {0, -1, 127, -128});
        table.put("array", array);
        table.put("empty-array", List.of());
        table.put("table", nested);
        table.put("empty-table", Map.of());
        table.put("void", null);
        return table;
    }
}
