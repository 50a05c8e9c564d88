package io.warren.tck.message.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.message.body.BodyConversionTable.Type;
import io.warren.tck.support.TckSupport;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code MapMessage}: Table 3-7 (read on the received message) and the MapMessage rules of 3.11 and its javadoc. */
@DisplayName("3.11 MapMessage")
class MapMessageTest extends TckSupport {

    private Session session;
    private Queue queue;

    @BeforeEach
    void open() throws Exception {
        session = startedConnection().createSession();
        queue = queue();
    }

    private MapMessage roundTrip(MapMessage message) throws Exception {
        session.createProducer(queue).send(message);
        return (MapMessage) receive(session.createConsumer(queue));
    }

    static Stream<Arguments> cells() {
        return BodyConversionTable.cells();
    }

    static void write(MapMessage message, String name, Type type, Object value) throws Exception {
        switch (type) {
            case BOOLEAN -> message.setBoolean(name, (Boolean) value);
            case BYTE -> message.setByte(name, (Byte) value);
            case SHORT -> message.setShort(name, (Short) value);
            case CHAR -> message.setChar(name, (Character) value);
            case INT -> message.setInt(name, (Integer) value);
            case LONG -> message.setLong(name, (Long) value);
            case FLOAT -> message.setFloat(name, (Float) value);
            case DOUBLE -> message.setDouble(name, (Double) value);
            case STRING -> message.setString(name, (String) value);
            case BYTES -> message.setBytes(name, (byte[]) value);
        }
    }

    static Object read(MapMessage message, String name, Type type) throws Exception {
        return switch (type) {
            case BOOLEAN -> message.getBoolean(name);
            case BYTE -> message.getByte(name);
            case SHORT -> message.getShort(name);
            case CHAR -> message.getChar(name);
            case INT -> message.getInt(name);
            case LONG -> message.getLong(name);
            case FLOAT -> message.getFloat(name);
            case DOUBLE -> message.getDouble(name);
            case STRING -> message.getString(name);
            case BYTES -> message.getBytes(name);
        };
    }

    @ParameterizedTest(name = "3.11.3 Table 3-7: a MapMessage value written as {0} read as {1}: supported = {2} (else MessageFormatException)")
    @MethodSource("cells")
    void conversionCell(Type written, Type read, boolean supported) throws Exception {
        MapMessage message = session.createMapMessage();
        Object value = BodyConversionTable.valueFor(written, read);
        write(message, "f", written, value);
        MapMessage received = roundTrip(message);
        if (supported) {
            assertThat(read(received, "f", read)).isEqualTo(BodyConversionTable.expected(value, read));
        } else {
            assertThatThrownBy(() -> read(received, "f", read)).isInstanceOf(MessageFormatException.class);
        }
    }

    // ------------------------------------------------------------ absent fields and nulls

    static Stream<Arguments> absentReads() {
        return Stream.of(
                Arguments.of(Type.BOOLEAN, Boolean.FALSE),
                Arguments.of(Type.BYTE, NumberFormatException.class),
                Arguments.of(Type.SHORT, NumberFormatException.class),
                Arguments.of(Type.CHAR, NullPointerException.class),
                Arguments.of(Type.INT, NumberFormatException.class),
                Arguments.of(Type.LONG, NumberFormatException.class),
                Arguments.of(Type.FLOAT, NullPointerException.class),
                Arguments.of(Type.DOUBLE, NullPointerException.class),
                Arguments.of(Type.STRING, null),
                Arguments.of(Type.BYTES, null));
    }

    @ParameterizedTest(name = "3.11.3: getting a field that has not been set is handled as if it exists with a null value: read as {0} gives {1}")
    @MethodSource("absentReads")
    void absentFieldReadsAsNull(Type type, Object expected) throws Exception {
        MapMessage received = roundTrip(session.createMapMessage());
        if (expected instanceof Class<?> exception) {
            assertThatThrownBy(() -> read(received, "absent", type)).isInstanceOf(exception);
        } else {
            assertThat(read(received, "absent", type)).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("MapMessage.setObject / getObject: the objectified values of the primitive types round-trip with their type")
    void objectValuesRoundTrip() throws Exception {
        MapMessage message = session.createMapMessage();
        Object[] values = {true, (byte) 1, (short) 2, 'c', 3, 4L, 5.5f, 6.5d, "seven", new byte[] {8}};
        for (int i = 0; i < values.length; i++) {
            message.setObject("k" + i, values[i]);
        }
        MapMessage received = roundTrip(message);
        for (int i = 0; i < values.length; i++) {
            assertThat(received.getObject("k" + i)).isEqualTo(values[i]).isExactlyInstanceOf(values[i].getClass());
        }
    }

    @Test
    @DisplayName("MapMessage.setObject: MessageFormatException if the object is invalid (not an objectified primitive, String or byte[])")
    void setObjectOfUnsupportedClassThrows() throws Exception {
        MapMessage message = session.createMapMessage();
        assertThatThrownBy(() -> message.setObject("k", new java.util.Date())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("MapMessage: IllegalArgumentException if the name is null or if the name is an empty string")
    void nullOrEmptyNameThrowsIllegalArgument() throws Exception {
        MapMessage message = session.createMapMessage();
        assertThatThrownBy(() -> message.setInt(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setString("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("3.11: MapMessage entries can be accessed by enumerator (getMapNames) or randomly by name (itemExists)")
    void mapNamesAndItemExists() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setInt("a", 1);
        message.setString("b", "2");
        message.setBytes("c", new byte[] {3});
        MapMessage received = roundTrip(message);
        List<Object> names = elements(received.getMapNames());
        assertThat(names).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(received.itemExists("b")).isTrue();
        assertThat(received.itemExists("z")).isFalse();
    }

    @Test
    @DisplayName("MapMessage.setBytes(name, value, offset, length): only the given portion of the array is stored")
    void setBytesPortion() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setBytes("part", new byte[] {0, 1, 2, 3, 4}, 1, 3);
        assertThat(roundTrip(message).getBytes("part")).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("3.12: write/set methods must copy their input objects into the message (changing the array afterwards has no effect)")
    void setBytesCopiesInput() throws Exception {
        MapMessage message = session.createMapMessage();
        byte[] input = {1, 2, 3};
        message.setBytes("b", input);
        input[0] = 99;
        assertThat(message.getBytes("b")).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("3.12: read/get methods must return a copy of the accessed message objects (changing the returned array has no effect)")
    void getBytesReturnsCopy() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setBytes("b", new byte[] {1, 2, 3});
        MapMessage received = roundTrip(message);
        received.getBytes("b")[0] = 99;
        assertThat(received.getBytes("b")).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("MapMessage: when a client receives a MapMessage it is in read-only mode; setting a value throws MessageNotWriteableException")
    void receivedMapIsReadOnly() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setInt("a", 1);
        MapMessage received = roundTrip(message);
        assertThatThrownBy(() -> received.setInt("a", 2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> received.setString("new", "x")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @DisplayName("MapMessage: if clearBody is called on a received MapMessage, it can now be both read from and written to")
    void clearBodyMakesReceivedMapWritable() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setInt("a", 1);
        MapMessage received = roundTrip(message);
        received.clearBody();
        assertThat(received.getMapNames().hasMoreElements()).isFalse();
        received.setInt("b", 2);
        assertThat(received.getInt("b")).isEqualTo(2);
    }

    @Test
    @DisplayName("3.11.3: a MapMessage being built can be read and written before it is sent")
    void mapReadableWhileWriting() throws Exception {
        MapMessage message = session.createMapMessage();
        message.setLong("l", 5L);
        assertThat(message.getString("l")).isEqualTo("5");
        message.setLong("l", 6L);
        assertThat(message.getLong("l")).isEqualTo(6L);
    }
}
