package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageNotWriteableException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A received message has read-only properties and body until they are cleared, for every message type. */
class ReadOnlyStateTest {

    interface Write {
        void apply(Message m) throws JMSException;
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("Message", (Supplier<WarrenMessage>) WarrenMessage::new),
                Arguments.of("TextMessage", (Supplier<WarrenMessage>) WarrenTextMessage::new),
                Arguments.of("BytesMessage", (Supplier<WarrenMessage>) WarrenBytesMessage::new),
                Arguments.of("MapMessage", (Supplier<WarrenMessage>) WarrenMapMessage::new),
                Arguments.of("ObjectMessage", (Supplier<WarrenMessage>) WarrenObjectMessage::new),
                Arguments.of("StreamMessage", (Supplier<WarrenMessage>) WarrenStreamMessage::new));
    }

    static final List<Write> PROPERTY_WRITES = List.of(
            m -> m.setBooleanProperty("p", true),
            m -> m.setByteProperty("p", (byte) 1),
            m -> m.setShortProperty("p", (short) 1),
            m -> m.setIntProperty("p", 1),
            m -> m.setLongProperty("p", 1),
            m -> m.setFloatProperty("p", 1),
            m -> m.setDoubleProperty("p", 1),
            m -> m.setStringProperty("p", "1"),
            m -> m.setObjectProperty("p", 1),
            m -> m.setStringProperty("JMSXGroupID", "g"),
            m -> m.setStringProperty("JMSXUserID", "u"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyPropertySetterFailsOnAReceivedMessage(String type, Supplier<WarrenMessage> create)
            throws JMSException {
        WarrenMessage sent = create.get();
        sent.setIntProperty("p", 0);
        WarrenMessage r = Received.copyOf(sent);
        for (Write w : PROPERTY_WRITES) {
            assertThatThrownBy(() -> w.apply(r)).isInstanceOf(MessageNotWriteableException.class);
        }
        assertThat(r.getIntProperty("p")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void clearPropertiesMakesThemWritableAndEmpty(String type, Supplier<WarrenMessage> create) throws JMSException {
        WarrenMessage sent = create.get();
        sent.setIntProperty("p", 0);
        WarrenMessage r = Received.copyOf(sent);
        r.clearProperties();
        assertThat(r.propertyExists("p")).isFalse();
        for (Write w : PROPERTY_WRITES) {
            w.apply(r);
        }
        assertThat(r.getStringProperty("p")).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void aNewMessageHasWritableProperties(String type, Supplier<WarrenMessage> create) throws JMSException {
        WarrenMessage m = create.get();
        for (Write w : PROPERTY_WRITES) {
            w.apply(m);
        }
        assertThat(m.propertyExists("p")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void clearBodyLeavesThePropertiesReadOnly(String type, Supplier<WarrenMessage> create) throws JMSException {
        WarrenMessage r = Received.copyOf(create.get());
        r.clearBody();
        assertThatThrownBy(() -> r.setIntProperty("p", 1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void receivedBodiesAreReadOnlyForEveryBodyType() throws JMSException {
        assertThatThrownBy(() -> Received.copyOf(new WarrenTextMessage("x")).setText("y"))
                .isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> Received.copyOf(new WarrenBytesMessage()).writeInt(1))
                .isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> Received.copyOf(new WarrenMapMessage()).setInt("a", 1))
                .isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> Received.copyOf(new WarrenObjectMessage()).setObject("x"))
                .isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> Received.copyOf(new WarrenStreamMessage()).writeInt(1))
                .isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void clearBodyMakesEveryReceivedBodyWritableAndEmpty() throws JMSException {
        WarrenTextMessage t = Received.copyOf(new WarrenTextMessage("x"));
        t.clearBody();
        assertThat(t.getText()).isNull();
        t.setText("y");
        assertThat(t.getText()).isEqualTo("y");

        WarrenMapMessage sentMap = new WarrenMapMessage();
        sentMap.setInt("a", 1);
        WarrenMapMessage map = Received.copyOf(sentMap);
        map.clearBody();
        assertThat(map.itemExists("a")).isFalse();
        map.setInt("b", 2);
        assertThat(map.getInt("b")).isEqualTo(2);

        WarrenObjectMessage o = Received.copyOf(new WarrenObjectMessage());
        o.clearBody();
        o.setObject("s");
        assertThat(o.getObject()).isEqualTo("s");
    }
}
