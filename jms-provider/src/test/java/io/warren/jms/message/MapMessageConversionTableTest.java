package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cell of the MapMessage conversion table, on a received message. */
class MapMessageConversionTableTest {

    static List<Arguments> cells() {
        return BodyConversionTable.cells();
    }

    private static Object get(MapMessage m, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> m.getBoolean("v");
            case "byte" -> m.getByte("v");
            case "short" -> m.getShort("v");
            case "char" -> m.getChar("v");
            case "int" -> m.getInt("v");
            case "long" -> m.getLong("v");
            case "float" -> m.getFloat("v");
            case "double" -> m.getDouble("v");
            case "String" -> m.getString("v");
            default -> m.getBytes("v");
        };
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void aValueSetAsTheRowTypeReadsAsTheColumnTypeOnlyWhereTheTableAllows(String row, String column)
            throws JMSException {
        WarrenMapMessage sent = new WarrenMapMessage();
        sent.setObject("v", BodyConversionTable.written(row, column));
        MapMessage m = Received.copyOf(sent);
        if (BodyConversionTable.ALLOWED.get(row).contains(column)) {
            assertThat(get(m, column)).isEqualTo(BodyConversionTable.expected(row, column));
        } else {
            assertThatThrownBy(() -> get(m, column)).isInstanceOf(MessageFormatException.class);
        }
    }
}
