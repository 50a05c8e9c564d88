package io.warren.broker.exchange.headers;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * What one binding argument of a headers binding requires of the message header with the same name.
 * Values are typed: they match only within a type class (integral, floating point, decimal, byte array,
 * or otherwise the exact type through {@code equals}), so the String "5" never matches the Integer 5.
 */
sealed interface ExpectedValue {

    /** Whether the header {@code key} of {@code headers} (never null) satisfies this requirement. */
    boolean matches(Map<String, Object> headers, String key);

    static ExpectedValue of(Object bindingValue) {
        if (bindingValue == null) {
            return new Present();
        }
        if (isIntegral(bindingValue)) {
            return new Integral(((Number) bindingValue).longValue());
        }
        if (isFloating(bindingValue)) {
            return new Floating(((Number) bindingValue).doubleValue());
        }
        if (bindingValue instanceof BigDecimal) {
            return new Decimal((BigDecimal) bindingValue);
        }
        if (bindingValue instanceof byte[]) {
            return new Bytes(((byte[]) bindingValue).clone());
        }
        return new Exact(bindingValue);
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    private static boolean isFloating(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    /** A binding argument with a null value: the header must be present, with any value. */
    record Present() implements ExpectedValue {
        @Override
        public boolean matches(Map<String, Object> headers, String key) {
            return headers.containsKey(key);
        }
    }

    /** Byte, Short, Integer or Long, equal by numeric value whatever the width. */
    record Integral(long value) implements ExpectedValue {
        @Override
        public boolean matches(Map<String, Object> headers, String key) {
            Object actual = headers.get(key);
            return isIntegral(actual) && ((Number) actual).longValue() == value;
        }
    }

    /** Float or Double, equal by numeric value as doubles; NaN matches NaN. */
    record Floating(double value) implements ExpectedValue {
        @Override
        public boolean matches(Map<String, Object> headers, String key) {
            Object actual = headers.get(key);
            if (!isFloating(actual)) {
                return false;
            }
            double d = ((Number) actual).doubleValue();
            return d == value || (Double.isNaN(d) && Double.isNaN(value));
        }
    }

    /** BigDecimal (the AMQP decimal), equal by numeric value regardless of scale. */
    record Decimal(BigDecimal value) implements ExpectedValue {
        @Override
        public boolean matches(Map<String, Object> headers, String key) {
            return headers.get(key) instanceof BigDecimal actual && actual.compareTo(value) == 0;
        }
    }

    /** byte[], equal by content. */
    record Bytes(byte[] value) implements ExpectedValue {
        @Override
        public boolean matches(Map<String, Object> headers, String key) {
            return headers.get(key) instanceof byte[] actual && Arrays.equals(actual, value);
        }

        @Override
        public String toString() {
            return "Bytes" + Arrays.toString(value);
        }
    }

    /** String, Boolean, Character and any other type: equal by {@code equals}. */
    record Exact(Object value) implements ExpectedValue {
        @Override
        public boolean matches(Map<String, Object> headers, String key) {
            return value.equals(headers.get(key));
        }
    }
}
