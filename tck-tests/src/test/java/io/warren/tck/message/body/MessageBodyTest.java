package io.warren.tck.message.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.support.TckSupport;
import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 3.11 "Message body" for Text, Bytes, Object and plain messages; Message.getBody / isBodyAssignableTo. */
@DisplayName("3.11 Message bodies")
class MessageBodyTest extends TckSupport {

    private Session session;
    private Queue queue;

    @BeforeEach
    void open() throws Exception {
        session = startedConnection().createSession();
        queue = queue();
    }

    @SuppressWarnings("unchecked")
    private <M extends Message> M roundTrip(M message) throws Exception {
        session.createProducer(queue).send(message);
        return (M) receive(session.createConsumer(queue));
    }

    // ------------------------------------------------------------ 3.11.4 message types are preserved

    static final List<Class<?>> BODY_TYPES = List.of(TextMessage.class, BytesMessage.class, MapMessage.class,
            StreamMessage.class, ObjectMessage.class);

    static Stream<Arguments> messageKinds() {
        return Stream.of(
                Arguments.of(Message.class, (Creator) Session::createMessage),
                Arguments.of(TextMessage.class, (Creator) s -> s.createTextMessage("t")),
                Arguments.of(BytesMessage.class, (Creator) s -> {
                    BytesMessage m = s.createBytesMessage();
                    m.writeInt(1);
                    return m;
                }),
                Arguments.of(MapMessage.class, (Creator) s -> {
                    MapMessage m = s.createMapMessage();
                    m.setInt("a", 1);
                    return m;
                }),
                Arguments.of(StreamMessage.class, (Creator) s -> {
                    StreamMessage m = s.createStreamMessage();
                    m.writeInt(1);
                    return m;
                }),
                Arguments.of(ObjectMessage.class, (Creator) s -> s.createObjectMessage("o")));
    }

    @ParameterizedTest(name = "3.11.4: when passed between Jakarta Messaging clients, a message must always retain its full form ({0})")
    @MethodSource("messageKinds")
    void messageTypeIsPreserved(Class<?> type, Creator creator) throws Exception {
        Message received = roundTrip(creator.create(session));
        assertThat(received).isInstanceOf(type);
        for (Class<?> other : BODY_TYPES) {
            if (other != type) {
                assertThat(received).isNotInstanceOf(other);
            }
        }
    }

    // ------------------------------------------------------------ 3.11.2 read-only bodies

    static Stream<Arguments> receivedBodyWrites() {
        return Stream.of(
                Arguments.of("TextMessage.setText", (Creator) s -> s.createTextMessage("t"),
                        (Writer) m -> ((TextMessage) m).setText("changed")),
                Arguments.of("BytesMessage.writeInt", (Creator) Session::createBytesMessage,
                        (Writer) m -> ((BytesMessage) m).writeInt(1)),
                Arguments.of("StreamMessage.writeString", (Creator) Session::createStreamMessage,
                        (Writer) m -> ((StreamMessage) m).writeString("x")),
                Arguments.of("ObjectMessage.setObject", (Creator) s -> s.createObjectMessage("o"),
                        (Writer) m -> ((ObjectMessage) m).setObject("changed")),
                Arguments.of("MapMessage.setString", (Creator) Session::createMapMessage,
                        (Writer) m -> ((MapMessage) m).setString("k", "v")));
    }

    @ParameterizedTest(name = "3.11.2: when a message is received its body is read only: {0} must throw MessageNotWriteableException")
    @MethodSource("receivedBodyWrites")
    void receivedBodyIsReadOnly(String operation, Creator creator, Writer writer) throws Exception {
        Message received = roundTrip(creator.create(session));
        assertThatThrownBy(() -> writer.write(received)).isInstanceOf(MessageNotWriteableException.class);
    }

    @ParameterizedTest(name = "3.11.2: after clearBody on a received message, {0} succeeds (the body is like an empty body of a new message)")
    @MethodSource("receivedBodyWrites")
    void clearedReceivedBodyIsWritable(String operation, Creator creator, Writer writer) throws Exception {
        Message received = roundTrip(creator.create(session));
        received.clearBody();
        writer.write(received);
    }

    @Test
    @DisplayName("3.11.1: clearBody resets the body to the 'empty' initial value (TextMessage text is null)")
    void clearBodyEmptiesText() throws Exception {
        TextMessage received = roundTrip(session.createTextMessage("text"));
        received.clearBody();
        assertThat(received.getText()).isNull();
    }

    @Test
    @DisplayName("3.11.1: clearBody resets the body to the 'empty' initial value (ObjectMessage object is null)")
    void clearBodyEmptiesObject() throws Exception {
        ObjectMessage received = roundTrip(session.createObjectMessage("object"));
        received.clearBody();
        assertThat(received.getObject()).isNull();
    }

    @Test
    @DisplayName("3.11.2: after clearBody a received BytesMessage is like a new one: write-only (reading throws MessageNotReadableException)")
    void clearBodyMakesBytesWriteOnly() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeInt(5);
        BytesMessage received = roundTrip(message);
        received.clearBody();
        assertThatThrownBy(received::readInt).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    @DisplayName("3.11.1: clearing a message's body does not clear its property entries")
    void clearBodyKeepsProperties() throws Exception {
        TextMessage message = session.createTextMessage("body");
        message.setStringProperty("keep", "me");
        message.clearBody();
        assertThat(message.getStringProperty("keep")).isEqualTo("me");
        assertThat(message.getText()).isNull();
    }

    // ------------------------------------------------------------ TextMessage

    @Test
    @DisplayName("3.12: the value of an input object is allowed to be null and will return null when accessed (TextMessage)")
    void nullTextRoundTrip() throws Exception {
        assertThat(roundTrip(session.createTextMessage(null)).getText()).isNull();
    }

    @Test
    @DisplayName("3.11: a TextMessage body contains a java.lang.String (any Unicode text, including supplementary characters)")
    void unicodeTextRoundTrip() throws Exception {
        String text = "gr\u00fc\u00dfe \u4f60\u597d \ud83d\ude00 \u0000 end";
        assertThat(roundTrip(session.createTextMessage(text)).getText()).isEqualTo(text);
    }

    @Test
    @DisplayName("3.11: a TextMessage body may hold a large String (1 MiB)")
    void largeTextRoundTrip() throws Exception {
        String text = "x".repeat(1 << 20);
        assertThat(roundTrip(session.createTextMessage(text)).getText()).isEqualTo(text);
    }

    // ------------------------------------------------------------ ObjectMessage

    @Test
    @DisplayName("3.11: an ObjectMessage contains a serializable Java object (a collection arrives equal)")
    void objectRoundTrip() throws Exception {
        HashMap<String, List<Integer>> object = new HashMap<>();
        object.put("primes", new ArrayList<>(List.of(2, 3, 5, 7)));
        assertThat(roundTrip(session.createObjectMessage(object)).getObject()).isEqualTo(object);
    }

    @Test
    @DisplayName("3.11: an ObjectMessage carries an application-defined serializable class; getBody(Class) returns it")
    void applicationObjectRoundTrip() throws Exception {
        io.warren.tck.support.Order order = new io.warren.tck.support.Order("o-1", List.of("apple", "pear"), new java.math.BigDecimal("12.50"));
        ObjectMessage received = roundTrip(session.createObjectMessage(order));
        assertThat(received.getObject()).isEqualTo(order);
        assertThat(received.getBody(io.warren.tck.support.Order.class)).isEqualTo(order);
        assertThat(received.isBodyAssignableTo(io.warren.tck.support.Order.class)).isTrue();
        assertThat(received.isBodyAssignableTo(String.class)).isFalse();
    }

    @Test
    @DisplayName("3.12: the value of an input object is allowed to be null and will return null when accessed (ObjectMessage)")
    void nullObjectRoundTrip() throws Exception {
        assertThat(roundTrip(session.createObjectMessage(null)).getObject()).isNull();
    }

    @Test
    @DisplayName("3.12: set methods must copy their input objects into the message (ObjectMessage.setObject)")
    void setObjectCopiesInput() throws Exception {
        ArrayList<String> list = new ArrayList<>(List.of("before"));
        ObjectMessage message = session.createObjectMessage(list);
        list.add("after");
        assertThat(roundTrip(message).getObject()).isEqualTo(List.of("before"));
    }

    @Test
    @DisplayName("3.12: get methods must return a copy of the accessed message objects (ObjectMessage.getObject)")
    void getObjectReturnsCopy() throws Exception {
        ObjectMessage received = roundTrip(session.createObjectMessage(new ArrayList<>(List.of("a"))));
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) received.getObject();
        first.add("mutated");
        assertThat(received.getObject()).isEqualTo(List.of("a"));
    }

    @Test
    @DisplayName("ObjectMessage.setObject: MessageFormatException if object serialization fails")
    void setObjectSerializationFailureThrows() throws Exception {
        ObjectMessage message = session.createObjectMessage();
        ArrayList<Object> notSerializable = new ArrayList<>(List.of(new Object()));
        assertThatThrownBy(() -> message.setObject(notSerializable)).isInstanceOf(MessageFormatException.class);
    }

    // ------------------------------------------------------------ BytesMessage

    @Test
    @DisplayName("BytesMessage: values written with the write methods are read back in order with the matching read methods")
    void bytesMessageRoundTrip() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeBoolean(true);
        message.writeByte((byte) -2);
        message.writeShort((short) -300);
        message.writeChar('q');
        message.writeInt(123_456);
        message.writeLong(-9_876_543_210L);
        message.writeFloat(1.25f);
        message.writeDouble(-8.5d);
        message.writeUTF("utf \u00e9");
        message.writeBytes(new byte[] {4, 5, 6});
        BytesMessage received = roundTrip(message);
        assertThat(received.readBoolean()).isTrue();
        assertThat(received.readByte()).isEqualTo((byte) -2);
        assertThat(received.readShort()).isEqualTo((short) -300);
        assertThat(received.readChar()).isEqualTo('q');
        assertThat(received.readInt()).isEqualTo(123_456);
        assertThat(received.readLong()).isEqualTo(-9_876_543_210L);
        assertThat(received.readFloat()).isEqualTo(1.25f);
        assertThat(received.readDouble()).isEqualTo(-8.5d);
        assertThat(received.readUTF()).isEqualTo("utf \u00e9");
        byte[] rest = new byte[3];
        assertThat(received.readBytes(rest)).isEqualTo(3);
        assertThat(rest).containsExactly(4, 5, 6);
    }

    @Test
    @DisplayName("BytesMessage.readUnsignedByte / readUnsignedShort: read the next byte / 16 bits as unsigned numbers")
    void bytesMessageUnsignedReads() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeByte((byte) -1);
        message.writeShort((short) -1);
        BytesMessage received = roundTrip(message);
        assertThat(received.readUnsignedByte()).isEqualTo(255);
        assertThat(received.readUnsignedShort()).isEqualTo(65_535);
    }

    @Test
    @DisplayName("BytesMessage.getBodyLength: the number of bytes of the message body when the message is in read-only mode")
    void bytesMessageBodyLength() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeInt(1);
        message.writeLong(2L);
        assertThat(roundTrip(message).getBodyLength()).isEqualTo(12);
    }

    @Test
    @DisplayName("BytesMessage.getBodyLength: MessageNotReadableException if the message is in write-only mode")
    void bodyLengthOfWriteOnlyMessageThrows() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeInt(1);
        assertThatThrownBy(message::getBodyLength).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    @DisplayName("BytesMessage.readBytes: returns the bytes read, then -1 once the end of the stream has been reached")
    void bytesMessageReadBytesEndOfStream() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4, 5}, 1, 3);
        BytesMessage received = roundTrip(message);
        byte[] buffer = new byte[10];
        assertThat(received.readBytes(buffer)).isEqualTo(3);
        assertThat(Arrays.copyOf(buffer, 3)).containsExactly(2, 3, 4);
        assertThat(received.readBytes(buffer)).isEqualTo(-1);
    }

    @Test
    @DisplayName("BytesMessage.readBytes(value, length): reads at most length bytes")
    void bytesMessageReadBytesWithLength() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4});
        BytesMessage received = roundTrip(message);
        byte[] buffer = new byte[4];
        assertThat(received.readBytes(buffer, 2)).isEqualTo(2);
        assertThat(buffer[0]).isEqualTo((byte) 1);
        assertThat(buffer[1]).isEqualTo((byte) 2);
        assertThat(received.readByte()).isEqualTo((byte) 3);
    }

    @Test
    @DisplayName("10.3: MessageEOFException must be thrown when an unexpected end of stream has been reached when a BytesMessage is read")
    void bytesMessageEof() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeShort((short) 1);
        BytesMessage received = roundTrip(message);
        assertThatThrownBy(received::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    @DisplayName("3.12: BytesMessage does not support a null stream; attempting to write a null into it must throw NullPointerException")
    void bytesMessageWriteNullThrowsNullPointer() throws Exception {
        BytesMessage message = session.createBytesMessage();
        assertThatThrownBy(() -> message.writeObject(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("BytesMessage.writeObject: MessageFormatException if the object is of an invalid type")
    void bytesMessageWriteObjectOfUnsupportedClassThrows() throws Exception {
        BytesMessage message = session.createBytesMessage();
        assertThatThrownBy(() -> message.writeObject(new java.util.Date())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("10.3: MessageNotReadableException must be thrown when a client attempts to read a write-only message (new BytesMessage)")
    void newBytesMessageIsWriteOnly() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeInt(1);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    @DisplayName("BytesMessage.reset: puts the message body in read-only mode and repositions the stream of bytes to the beginning")
    void bytesMessageReset() throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeInt(41);
        message.reset();
        assertThat(message.readInt()).isEqualTo(41);
        message.reset();
        assertThat(message.readInt()).isEqualTo(41);
        assertThatThrownBy(() -> message.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
    }

    // ------------------------------------------------------------ Message.getBody / isBodyAssignableTo

    static Stream<Arguments> getBodyCases() {
        Map<String, Object> map = Map.of("k", "v");
        return Stream.of(
                Arguments.of("TextMessage as String", (Creator) s -> s.createTextMessage("hello"), String.class, "hello"),
                Arguments.of("TextMessage as CharSequence", (Creator) s -> s.createTextMessage("hello"), CharSequence.class, "hello"),
                Arguments.of("TextMessage as Object", (Creator) s -> s.createTextMessage("hello"), Object.class, "hello"),
                Arguments.of("TextMessage as Integer", (Creator) s -> s.createTextMessage("hello"), Integer.class, MessageFormatException.class),
                Arguments.of("TextMessage without body as Integer", (Creator) s -> s.createTextMessage(), Integer.class, null),
                Arguments.of("BytesMessage as byte[]", (Creator) MessageBodyTest::bytes123, byte[].class, new byte[] {1, 2, 3}),
                Arguments.of("BytesMessage as Object", (Creator) MessageBodyTest::bytes123, Object.class, new byte[] {1, 2, 3}),
                Arguments.of("BytesMessage as String", (Creator) MessageBodyTest::bytes123, String.class, MessageFormatException.class),
                Arguments.of("BytesMessage without body as String", (Creator) Session::createBytesMessage, String.class, null),
                Arguments.of("MapMessage as Map", (Creator) s -> mapKv(s), Map.class, map),
                Arguments.of("MapMessage as Object", (Creator) s -> mapKv(s), Object.class, map),
                Arguments.of("MapMessage as String", (Creator) s -> mapKv(s), String.class, MessageFormatException.class),
                Arguments.of("ObjectMessage as Serializable", (Creator) s -> s.createObjectMessage(new ArrayList<>(List.of(1))), Serializable.class, List.of(1)),
                Arguments.of("ObjectMessage as its own class", (Creator) s -> s.createObjectMessage(new ArrayList<>(List.of(1))), ArrayList.class, List.of(1)),
                Arguments.of("ObjectMessage as unrelated class", (Creator) s -> s.createObjectMessage(new ArrayList<>(List.of(1))), String.class, MessageFormatException.class),
                Arguments.of("ObjectMessage without body as Integer", (Creator) Session::createObjectMessage, Integer.class, null),
                Arguments.of("StreamMessage as Object", (Creator) s -> {
                    StreamMessage m = s.createStreamMessage();
                    m.writeInt(1);
                    return m;
                }, Object.class, MessageFormatException.class),
                Arguments.of("Message (no body) as String", (Creator) Session::createMessage, String.class, null),
                Arguments.of("Message (no body) as Integer", (Creator) Session::createMessage, Integer.class, null));
    }

    static BytesMessage bytes123(Session session) throws Exception {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(new byte[] {1, 2, 3});
        return message;
    }

    static MapMessage mapKv(Session session) throws Exception {
        MapMessage message = session.createMapMessage();
        message.setString("k", "v");
        return message;
    }

    @ParameterizedTest(name = "Message.getBody: {0} gives {3}")
    @MethodSource("getBodyCases")
    void getBody(String description, Creator creator, Class<?> type, Object expected) throws Exception {
        Message received = roundTrip(creator.create(session));
        if (expected instanceof Class<?> exception && Throwable.class.isAssignableFrom(exception)) {
            assertThatThrownBy(() -> received.getBody(type)).isInstanceOf(exception);
        } else {
            assertThat((Object) received.getBody(type)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "Message.isBodyAssignableTo: {0} (true exactly when getBody would not throw MessageFormatException)")
    @MethodSource("getBodyCases")
    void isBodyAssignableTo(String description, Creator creator, Class<?> type, Object getBodyOutcome) throws Exception {
        Message received = roundTrip(creator.create(session));
        boolean expected = !(getBodyOutcome instanceof Class<?> c && Throwable.class.isAssignableFrom(c));
        assertThat(received.isBodyAssignableTo(type)).isEqualTo(expected);
    }

    @Test
    @DisplayName("Message.getBody: for a BytesMessage this method will reset the BytesMessage before and after use")
    void getBodyResetsBytesMessage() throws Exception {
        BytesMessage received = roundTrip(bytes123(session));
        assertThat(received.readByte()).isEqualTo((byte) 1);
        assertThat(received.getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThat(received.readByte()).isEqualTo((byte) 1);
    }

    @FunctionalInterface
    interface Creator {
        Message create(Session session) throws Exception;
    }

    @FunctionalInterface
    interface Writer {
        void write(Message message) throws Exception;
    }
}
