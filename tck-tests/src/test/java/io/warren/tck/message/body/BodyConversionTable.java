package io.warren.tck.message.body;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Table 3-7 "Conversions for StreamMessage and MapMessage" (section 3.11.3): "A value written as the row type can be
 * read as the column type. The marked cases must be supported. The unmarked cases must throw a Jakarta Messaging
 * MessageFormatException."
 */
final class BodyConversionTable {

    enum Type {
        BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES;

        @Override
        public String toString() {
            return this == BYTES ? "byte[]" : name().toLowerCase();
        }
    }

    static final Map<Type, Set<Type>> SUPPORTED = Map.of(
            Type.BOOLEAN, EnumSet.of(Type.BOOLEAN, Type.STRING),
            Type.BYTE, EnumSet.of(Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.STRING),
            Type.SHORT, EnumSet.of(Type.SHORT, Type.INT, Type.LONG, Type.STRING),
            Type.CHAR, EnumSet.of(Type.CHAR, Type.STRING),
            Type.INT, EnumSet.of(Type.INT, Type.LONG, Type.STRING),
            Type.LONG, EnumSet.of(Type.LONG, Type.STRING),
            Type.FLOAT, EnumSet.of(Type.FLOAT, Type.DOUBLE, Type.STRING),
            Type.DOUBLE, EnumSet.of(Type.DOUBLE, Type.STRING),
            Type.STRING, EnumSet.of(Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE,
                    Type.STRING),
            Type.BYTES, EnumSet.of(Type.BYTES));

    private BodyConversionTable() {
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Type written : Type.values()) {
            for (Type read : Type.values()) {
                cells.add(Arguments.of(written, read, SUPPORTED.get(written).contains(read)));
            }
        }
        return cells.stream();
    }

    /** The value written for a row; a String row holds a string the column's valueOf accepts. */
    static Object valueFor(Type written, Type read) {
        return switch (written) {
            case BOOLEAN -> Boolean.TRUE;
            case BYTE -> (byte) 7;
            case SHORT -> (short) 300;
            case CHAR -> 'c';
            case INT -> 70_000;
            case LONG -> 5_000_000_000L;
            case FLOAT -> 1.5f;
            case DOUBLE -> 2.25d;
            case STRING -> switch (read) {
                case BOOLEAN -> "true";
                case BYTE, SHORT, INT, LONG -> "12";
                case FLOAT, DOUBLE -> "12.5";
                default -> "text";
            };
            case BYTES -> new byte[] {1, 2, 3};
        };
    }

    static Object expected(Object value, Type read) {
        if (read == Type.STRING) {
            return String.valueOf(value);
        }
        if (read == Type.BYTES || read == Type.CHAR || value instanceof Boolean && read == Type.BOOLEAN) {
            return value;
        }
        if (value instanceof String s) {
            return switch (read) {
                case BOOLEAN -> Boolean.valueOf(s);
                case BYTE -> Byte.valueOf(s);
                case SHORT -> Short.valueOf(s);
                case INT -> Integer.valueOf(s);
                case LONG -> Long.valueOf(s);
                case FLOAT -> Float.valueOf(s);
                case DOUBLE -> Double.valueOf(s);
                default -> throw new IllegalArgumentException(read.name());
            };
        }
        Number number = (Number) value;
        return switch (read) {
            case BYTE -> number.byteValue();
            case SHORT -> number.shortValue();
            case INT -> number.intValue();
            case LONG -> number.longValue();
            case FLOAT -> number.floatValue();
            case DOUBLE -> number.doubleValue();
            default -> throw new IllegalArgumentException(read.name());
        };
    }
}
