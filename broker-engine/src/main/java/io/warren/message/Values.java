package io.warren.message;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value types a header, a queue or exchange argument, or a binding argument may hold: null, boolean,
 * byte, short, int, long, float, double, char, String, byte[], {@link java.math.BigDecimal} and
 * {@link java.util.Date} (AMQP decimals and timestamps), and lists and string-keyed maps of these.
 */
public final class Values {
    private Values() {
    }

    /** Throws {@link IllegalArgumentException} naming the key when {@code value} is not a supported type. */
    public static void checkSupported(String key, Object value) {
        if (!isSupported(value)) {
            throw new IllegalArgumentException("value of '" + key + "' has unsupported type "
                    + value.getClass().getName());
        }
    }

    public static boolean isSupported(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof Character || value instanceof String
                || value instanceof byte[] || value instanceof java.math.BigDecimal
                || value instanceof java.util.Date) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(Values::isSupported);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .allMatch(e -> e.getKey() instanceof String && isSupported(e.getValue()));
        }
        return false;
    }

    /** Equality that compares byte arrays by content, also inside lists and maps. */
    public static boolean deepEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
