package io.warren.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The conversion tables of the JMS specification (message properties, section 3.5.4; {@code MapMessage} and
 * {@code StreamMessage}, section 3.11.3): a value written as one type read as another.
 *
 * <p>A null value converts as the target type's {@code valueOf(String)} does with null: false for boolean, a
 * {@link NumberFormatException} for the integral types, a {@link NullPointerException} for float, double and char.
 * A conversion the table does not allow throws {@link MessageFormatException}.
 */
final class TypeConversions {
    private TypeConversions() {
    }

    /** A conversion that may fail with a {@link MessageFormatException}. */
    @FunctionalInterface
    interface Conversion<T> {
        T apply(Object value) throws MessageFormatException;
    }

    static boolean toBoolean(Object v) throws MessageFormatException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Boolean.parseBoolean((String) v);
        }
        throw invalid(v, "boolean");
    }

    static byte toByte(Object v) throws MessageFormatException {
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Byte.parseByte((String) v);
        }
        throw invalid(v, "byte");
    }

    static short toShort(Object v) throws MessageFormatException {
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Short.parseShort((String) v);
        }
        throw invalid(v, "short");
    }

    static char toChar(Object v) throws MessageFormatException {
        if (v instanceof Character c) {
            return c;
        }
        if (v == null) {
            throw new NullPointerException("the value is null, which cannot be read as a char");
        }
        throw invalid(v, "char");
    }

    static int toInt(Object v) throws MessageFormatException {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v == null || v instanceof String) {
            return Integer.parseInt((String) v);
        }
        throw invalid(v, "int");
    }

    static long toLong(Object v) throws MessageFormatException {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v == null || v instanceof String) {
            return Long.parseLong((String) v);
        }
        throw invalid(v, "long");
    }

    static float toFloat(Object v) throws MessageFormatException {
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Float.parseFloat((String) v);
        }
        throw invalid(v, "float");
    }

    static double toDouble(Object v) throws MessageFormatException {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Double.parseDouble((String) v);
        }
        throw invalid(v, "double");
    }

    static String toText(Object v) throws MessageFormatException {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof byte[]) {
            throw invalid(v, "String");
        }
        return v.toString();
    }

    /** A copy of a byte[] value; only byte[] (or null) converts. */
    static byte[] toBytes(Object v) throws MessageFormatException {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        throw invalid(v, "byte[]");
    }

    /** Whether {@code v} is a valid property value: a boxed boolean or number, or a String. */
    static boolean isPropertyType(Object v) {
        return v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte;
    }

    /** Whether {@code v} is a valid {@code MapMessage}/{@code StreamMessage} value: a property type, char or byte[]. */
    static boolean isBodyValueType(Object v) {
        return isPropertyType(v) || v instanceof Character || v instanceof byte[];
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[]) {
            return "byte[]";
        }
        return switch (v.getClass().getSimpleName()) {
            case "Boolean" -> "boolean";
            case "Byte" -> "byte";
            case "Short" -> "short";
            case "Character" -> "char";
            case "Integer" -> "int";
            case "Long" -> "long";
            case "Float" -> "float";
            case "Double" -> "double";
            default -> v.getClass().getName();
        };
    }

    private static MessageFormatException invalid(Object v, String target) {
        return new MessageFormatException("a value of type " + typeName(v) + " cannot be read as " + target
                + " (see the conversion table of the JMS specification)");
    }
}
