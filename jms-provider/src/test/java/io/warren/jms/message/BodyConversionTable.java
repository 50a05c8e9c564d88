package io.warren.jms.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.provider.Arguments;

/** The conversion table of MapMessage and StreamMessage (JMS 3.1 section 3.11.3), shared by their tests. */
final class BodyConversionTable {
    static final List<String> TYPES = List.of("boolean", "byte", "short", "char", "int", "long", "float", "double",
            "String", "byte[]");

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "boolean", Set.of("boolean", "String"),
            "byte", Set.of("byte", "short", "int", "long", "String"),
            "short", Set.of("short", "int", "long", "String"),
            "char", Set.of("char", "String"),
            "int", Set.of("int", "long", "String"),
            "long", Set.of("long", "String"),
            "float", Set.of("float", "double", "String"),
            "double", Set.of("double", "String"),
            "String", Set.of("boolean", "byte", "short", "int", "long", "float", "double", "String"),
            "byte[]", Set.of("byte[]"));

    private BodyConversionTable() {
    }

    static List<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String row : TYPES) {
            for (String column : TYPES) {
                cells.add(Arguments.of(row, column));
            }
        }
        return cells;
    }

    /** The value written for a row; a String row holds a representation the column can parse. */
    static Object written(String row, String column) {
        return switch (row) {
            case "boolean" -> true;
            case "byte" -> (byte) 12;
            case "short" -> (short) 12;
            case "char" -> 'c';
            case "int" -> 12;
            case "long" -> 12L;
            case "float" -> 1.5f;
            case "double" -> 1.5d;
            case "byte[]" -> new byte[] {1, 2};
            default -> switch (column) {
                case "boolean" -> "true";
                case "float", "double" -> "1.5";
                default -> "12";
            };
        };
    }

    static Object expected(String row, String column) {
        boolean floating = row.equals("float") || row.equals("double")
                || (row.equals("String") && (column.equals("float") || column.equals("double")));
        return switch (column) {
            case "boolean" -> true;
            case "byte" -> (byte) 12;
            case "short" -> (short) 12;
            case "char" -> 'c';
            case "int" -> 12;
            case "long" -> 12L;
            case "float" -> 1.5f;
            case "double" -> 1.5d;
            case "byte[]" -> new byte[] {1, 2};
            default -> switch (row) {
                case "boolean" -> "true";
                case "char" -> "c";
                default -> floating ? "1.5" : "12";
            };
        };
    }
}
