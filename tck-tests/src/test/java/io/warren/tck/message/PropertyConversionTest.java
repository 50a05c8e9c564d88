package io.warren.tck.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table 3-2 "Property value conversion" (section 3.5.4), every cell, read on the received message: "A value set as
 * the row type can be read as the column type. The marked cases must be supported. The unmarked cases must throw the
 * Jakarta Messaging MessageFormatException."
 */
@org.junit.jupiter.api.DisplayName("3.5.4 Property value conversion (Table 3-2)")
class PropertyConversionTest extends TckSupport {

    enum Type {
        BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, STRING;

        String label() {
            return name().toLowerCase();
        }
    }

    /** The marked cells of Table 3-2: row (written) to the columns (read) that must be supported. */
    static final Map<Type, Set<Type>> SUPPORTED = Map.of(
            Type.BOOLEAN, EnumSet.of(Type.BOOLEAN, Type.STRING),
            Type.BYTE, EnumSet.of(Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.STRING),
            Type.SHORT, EnumSet.of(Type.SHORT, Type.INT, Type.LONG, Type.STRING),
            Type.INT, EnumSet.of(Type.INT, Type.LONG, Type.STRING),
            Type.LONG, EnumSet.of(Type.LONG, Type.STRING),
            Type.FLOAT, EnumSet.of(Type.FLOAT, Type.DOUBLE, Type.STRING),
            Type.DOUBLE, EnumSet.of(Type.DOUBLE, Type.STRING),
            Type.STRING, EnumSet.allOf(Type.class));

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Type written : Type.values()) {
            for (Type read : Type.values()) {
                cells.add(Arguments.of(written, read, SUPPORTED.get(written).contains(read)));
            }
        }
        return cells.stream();
    }

    /** The value written for a row; a String row holds a string that the column's valueOf accepts. */
    static Object valueFor(Type written, Type read) {
        return switch (written) {
            case BOOLEAN -> Boolean.TRUE;
            case BYTE -> (byte) 7;
            case SHORT -> (short) 300;
            case INT -> 70_000;
            case LONG -> 5_000_000_000L;
            case FLOAT -> 1.5f;
            case DOUBLE -> 2.25d;
            case STRING -> switch (read) {
                case BOOLEAN -> "true";
                case FLOAT, DOUBLE -> "12.5";
                case STRING -> "text";
                default -> "12";
            };
        };
    }

    static Object expected(Object value, Type read) {
        if (read == Type.STRING) {
            return String.valueOf(value);
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
                case STRING -> s;
            };
        }
        if (value instanceof Boolean) {
            return value;
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

    static void write(Message message, String name, Type type, Object value) throws Exception {
        switch (type) {
            case BOOLEAN -> message.setBooleanProperty(name, (Boolean) value);
            case BYTE -> message.setByteProperty(name, (Byte) value);
            case SHORT -> message.setShortProperty(name, (Short) value);
            case INT -> message.setIntProperty(name, (Integer) value);
            case LONG -> message.setLongProperty(name, (Long) value);
            case FLOAT -> message.setFloatProperty(name, (Float) value);
            case DOUBLE -> message.setDoubleProperty(name, (Double) value);
            case STRING -> message.setStringProperty(name, (String) value);
        }
    }

    static Object read(Message message, String name, Type type) throws Exception {
        return switch (type) {
            case BOOLEAN -> message.getBooleanProperty(name);
            case BYTE -> message.getByteProperty(name);
            case SHORT -> message.getShortProperty(name);
            case INT -> message.getIntProperty(name);
            case LONG -> message.getLongProperty(name);
            case FLOAT -> message.getFloatProperty(name);
            case DOUBLE -> message.getDoubleProperty(name);
            case STRING -> message.getStringProperty(name);
        };
    }

    @ParameterizedTest(name = "3.5.4 Table 3-2: a property set as {0} read as {1}: supported = {2} (else MessageFormatException)")
    @MethodSource("cells")
    void conversionCell(Type written, Type read, boolean supported) throws Exception {
        Queue queue = queue();
        Connection connection = startedConnection();
        Session session = connection.createSession();
        Message message = session.createMessage();
        Object value = valueFor(written, read);
        write(message, "p", written, value);
        session.createProducer(queue).send(message);
        Message received = receive(session.createConsumer(queue));
        if (supported) {
            assertThat(read(received, "p", read)).isEqualTo(expected(value, read));
        } else {
            assertThatThrownBy(() -> read(received, "p", read)).isInstanceOf(MessageFormatException.class);
        }
    }
}
