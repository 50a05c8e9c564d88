package io.warren.broker.management.jmx;

import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns argument and header values (the types {@link io.warren.message.Values} allows) into text, so JMX
 * clients see them as a plain {@code String → String} table without needing Warren's classes. Stateless.
 */
final class OpenValues {
    /** Bytes of a byte-array value shown before it is cut short. */
    static final int MAX_BYTES = 64;

    private OpenValues() {
    }

    /** Each entry's value as {@link #text}, ordered by key so jconsole lists them the same way every time. */
    static Map<String, String> texts(Map<String, ?> values) {
        Map<String, String> out = new TreeMap<>();
        if (values != null) {
            values.forEach((k, v) -> out.put(k, text(v)));
        }
        return out;
    }

    /**
     * A value as text: strings and numbers as themselves, byte arrays as {@code 0x…} hex (at most
     * {@value #MAX_BYTES} bytes, then {@code …}), dates as ISO-8601 instants, lists as {@code [a, b]}, maps as
     * {@code {k=v}} with the same rules inside, null as {@code null}.
     */
    static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return hex(bytes, MAX_BYTES);
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OpenValues::text).toList().toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> inner = new TreeMap<>();
            map.forEach((k, v) -> inner.put(String.valueOf(k), text(v)));
            return inner.toString();
        }
        return String.valueOf(value);
    }

    /** {@code 0x} and the first {@code max} bytes in hex, with {@code …} when there were more. */
    static String hex(byte[] bytes, int max) {
        int n = Math.min(bytes.length, max);
        return "0x" + HexFormat.of().formatHex(bytes, 0, n) + (bytes.length > n ? "…" : "");
    }
}
