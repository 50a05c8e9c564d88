package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cell of the property conversion table (JMS 3.1 section 3.5.4), on a new and on a received message. */
class PropertyConversionTableTest {

    interface Getter {
        Object get(Message m, String name) throws JMSException;
    }

    private static final Map<String, Getter> GETTERS = new LinkedHashMap<>();

    static {
        GETTERS.put("boolean", Message::getBooleanProperty);
        GETTERS.put("byte", Message::getByteProperty);
        GETTERS.put("short", Message::getShortProperty);
        GETTERS.put("int", Message::getIntProperty);
        GETTERS.put("long", Message::getLongProperty);
        GETTERS.put("float", Message::getFloatProperty);
        GETTERS.put("double", Message::getDoubleProperty);
        GETTERS.put("String", Message::getStringProperty);
    }

    /** Which column each row may be read as: the X marks of the table. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "boolean", Set.of("boolean", "String"),
            "byte", Set.of("byte", "short", "int", "long", "String"),
            "short", Set.of("short", "int", "long", "String"),
            "int", Set.of("int", "long", "String"),
            "long", Set.of("long", "String"),
            "float", Set.of("float", "double", "String"),
            "double", Set.of("double", "String"),
            "String", Set.copyOf(GETTERS.keySet()));

    static List<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String row : GETTERS.keySet()) {
            for (String column : GETTERS.keySet()) {
                cells.add(Arguments.of(row, column));
            }
        }
        return cells;
    }

    private static void set(Message m, String row, String column) throws JMSException {
        switch (row) {
            case "boolean" -> m.setBooleanProperty("p", true);
            case "byte" -> m.setByteProperty("p", (byte) 12);
            case "short" -> m.setShortProperty("p", (short) 12);
            case "int" -> m.setIntProperty("p", 12);
            case "long" -> m.setLongProperty("p", 12L);
            case "float" -> m.setFloatProperty("p", 1.5f);
            case "double" -> m.setDoubleProperty("p", 1.5d);
            default -> m.setStringProperty("p", switch (column) {
                case "boolean" -> "true";
                case "float", "double" -> "1.5";
                default -> "12";
            });
        }
    }

    private static Object expected(String row, String column) {
        boolean floating = row.equals("float") || row.equals("double")
                || (row.equals("String") && (column.equals("float") || column.equals("double")));
        return switch (column) {
            case "boolean" -> true;
            case "byte" -> (byte) 12;
            case "short" -> (short) 12;
            case "int" -> 12;
            case "long" -> 12L;
            case "float" -> 1.5f;
            case "double" -> 1.5d;
            default -> row.equals("boolean") ? "true" : floating ? "1.5" : "12";
        };
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void aPropertyWrittenAsTheRowTypeReadsAsTheColumnTypeOnlyWhereTheTableAllows(String row, String column)
            throws JMSException {
        WarrenMessage m = new WarrenMessage();
        set(m, row, column);
        check(m, row, column);
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void theTableHoldsAfterTheMessageTravelledThroughTheBroker(String row, String column) throws JMSException {
        WarrenMessage m = new WarrenMessage();
        set(m, row, column);
        check(Received.copyOf(m), row, column);
    }

    private static void check(Message m, String row, String column) throws JMSException {
        Getter getter = GETTERS.get(column);
        if (ALLOWED.get(row).contains(column)) {
            assertThat(getter.get(m, "p")).isEqualTo(expected(row, column));
        } else {
            assertThatThrownBy(() -> getter.get(m, "p")).isInstanceOf(MessageFormatException.class);
        }
    }
}
