package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the StreamMessage conversion table, read from a received message; a refused conversion leaves the
 * value in place for another read.
 */
class StreamMessageConversionTableTest {

    static List<Arguments> cells() {
        return BodyConversionTable.cells();
    }

    private static Object read(StreamMessage m, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> m.readBoolean();
            case "byte" -> m.readByte();
            case "short" -> m.readShort();
            case "char" -> m.readChar();
            case "int" -> m.readInt();
            case "long" -> m.readLong();
            case "float" -> m.readFloat();
            case "double" -> m.readDouble();
            case "String" -> m.readString();
            default -> {
                byte[] buf = new byte[16];
                int n = m.readBytes(buf);
                yield Arrays.copyOf(buf, n);
            }
        };
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void aValueWrittenAsTheRowTypeReadsAsTheColumnTypeOnlyWhereTheTableAllows(String row, String column)
            throws JMSException {
        WarrenStreamMessage sent = new WarrenStreamMessage();
        sent.writeObject(BodyConversionTable.written(row, column));
        sent.writeInt(99);
        StreamMessage m = Received.copyOf(sent);
        if (BodyConversionTable.ALLOWED.get(row).contains(column)) {
            assertThat(read(m, column)).isEqualTo(BodyConversionTable.expected(row, column));
        } else {
            assertThatThrownBy(() -> read(m, column)).isInstanceOf(MessageFormatException.class);
            assertThat(m.readObject()).isEqualTo(BodyConversionTable.written(row, column));
        }
        assertThat(m.readInt()).isEqualTo(99);
    }
}
