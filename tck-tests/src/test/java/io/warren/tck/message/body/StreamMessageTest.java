package io.warren.tck.message.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.tck.message.body.BodyConversionTable.Type;
import io.warren.tck.support.TckSupport;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code StreamMessage}: Table 3-7 (read on the received message) and the StreamMessage rules of 3.11 and its javadoc. */
@DisplayName("3.11 StreamMessage")
class StreamMessageTest extends TckSupport {

    private Session session;
    private Queue queue;

    @BeforeEach
    void open() throws Exception {
        session = startedConnection().createSession();
        queue = queue();
    }

    private StreamMessage roundTrip(StreamMessage message) throws Exception {
        session.createProducer(queue).send(message);
        return (StreamMessage) receive(session.createConsumer(queue));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> cells() {
        return BodyConversionTable.cells();
    }

    static void write(StreamMessage message, Type type, Object value) throws Exception {
        switch (type) {
            case BOOLEAN -> message.writeBoolean((Boolean) value);
            case BYTE -> message.writeByte((Byte) value);
            case SHORT -> message.writeShort((Short) value);
            case CHAR -> message.writeChar((Character) value);
            case INT -> message.writeInt((Integer) value);
            case LONG -> message.writeLong((Long) value);
            case FLOAT -> message.writeFloat((Float) value);
            case DOUBLE -> message.writeDouble((Double) value);
            case STRING -> message.writeString((String) value);
            case BYTES -> message.writeBytes((byte[]) value);
        }
    }

    static Object read(StreamMessage message, Type type) throws Exception {
        return switch (type) {
            case BOOLEAN -> message.readBoolean();
            case BYTE -> message.readByte();
            case SHORT -> message.readShort();
            case CHAR -> message.readChar();
            case INT -> message.readInt();
            case LONG -> message.readLong();
            case FLOAT -> message.readFloat();
            case DOUBLE -> message.readDouble();
            case STRING -> message.readString();
            case BYTES -> {
                byte[] buffer = new byte[64];
                int length = message.readBytes(buffer);
                yield Arrays.copyOf(buffer, length);
            }
        };
    }

    @ParameterizedTest(name = "3.11.3 Table 3-7: a StreamMessage value written as {0} read as {1}: supported = {2} (else MessageFormatException)")
    @MethodSource("cells")
    void conversionCell(Type written, Type read, boolean supported) throws Exception {
        StreamMessage message = session.createStreamMessage();
        Object value = BodyConversionTable.valueFor(written, read);
        write(message, written, value);
        StreamMessage received = roundTrip(message);
        if (supported) {
            assertThat(read(received, read)).isEqualTo(BodyConversionTable.expected(value, read));
        } else {
            assertThatThrownBy(() -> read(received, read)).isInstanceOf(MessageFormatException.class);
        }
    }

    // ------------------------------------------------------------ read pointer rules

    @Test
    @DisplayName("3.11.3: if a read method throws MessageFormatException, the read pointer must not be incremented; the value can be reread as another type")
    void readPointerStaysAfterMessageFormatException() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeBoolean(true);
        message.writeInt(5);
        StreamMessage received = roundTrip(message);
        assertThatThrownBy(received::readInt).isInstanceOf(MessageFormatException.class);
        assertThat(received.readBoolean()).isTrue();
        assertThat(received.readInt()).isEqualTo(5);
    }

    @Test
    @DisplayName("3.11.3: if a read method throws NumberFormatException, the read pointer must not be incremented; the value can be reread")
    void readPointerStaysAfterNumberFormatException() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeString("not a number");
        StreamMessage received = roundTrip(message);
        assertThatThrownBy(received::readLong).isInstanceOf(NumberFormatException.class);
        assertThat(received.readString()).isEqualTo("not a number");
    }

    @Test
    @DisplayName("3.11.3: attempting to read a null value as a Java primitive is valueOf(null): readInt of a null String throws NumberFormatException")
    void nullReadAsIntThrowsNumberFormat() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeString(null);
        StreamMessage received = roundTrip(message);
        assertThatThrownBy(received::readInt).isInstanceOf(NumberFormatException.class);
    }

    @Test
    @DisplayName("3.11.3: attempting to read a null value as a boolean is Boolean.valueOf(null), that is false")
    void nullReadAsBooleanIsFalse() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeString(null);
        assertThat(roundTrip(message).readBoolean()).isFalse();
    }

    @Test
    @DisplayName("3.11.3: since char does not support a String conversion, attempting to read a null value as a char must throw NullPointerException")
    void nullReadAsCharThrowsNullPointer() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeObject(null);
        StreamMessage received = roundTrip(message);
        assertThatThrownBy(received::readChar).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("StreamMessage.readObject: returns the objectified value written by the equivalent write method (byte[] as byte[])")
    void readObjectReturnsObjectifiedValues() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeInt(1);
        message.writeObject(2L);
        message.writeChar('z');
        message.writeBytes(new byte[] {9, 8});
        message.writeObject(null);
        StreamMessage received = roundTrip(message);
        assertThat(received.readObject()).isEqualTo(1);
        assertThat(received.readObject()).isEqualTo(2L);
        assertThat(received.readObject()).isEqualTo('z');
        assertThat(received.readObject()).isEqualTo(new byte[] {9, 8});
        assertThat(received.readObject()).isNull();
    }

    @Test
    @DisplayName("StreamMessage.readBytes: if readBytes returns the buffer length, a subsequent call must be made; with no more bytes it returns -1")
    void readBytesInChunks() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4});
        message.writeInt(99);
        StreamMessage received = roundTrip(message);
        byte[] buffer = new byte[2];
        assertThat(received.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(1, 2);
        assertThat(received.readBytes(buffer)).isEqualTo(2);
        assertThat(buffer).containsExactly(3, 4);
        assertThat(received.readBytes(buffer)).isEqualTo(-1);
        assertThat(received.readInt()).isEqualTo(99);
    }

    @Test
    @DisplayName("StreamMessage.readBytes: a call returning less than the buffer length completes the field; the next read reads the next field")
    void shortReadCompletesTheField() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3});
        message.writeInt(99);
        StreamMessage received = roundTrip(message);
        byte[] buffer = new byte[2];
        assertThat(received.readBytes(buffer)).isEqualTo(2);
        assertThat(received.readBytes(buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 3);
        assertThat(received.readInt()).isEqualTo(99);
    }

    @Test
    @DisplayName("StreamMessage.readBytes: if the byte array field value is null, readBytes returns -1")
    void readBytesOfNullReturnsMinusOne() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeObject(null);
        assertThat(roundTrip(message).readBytes(new byte[4])).isEqualTo(-1);
    }

    @Test
    @DisplayName("StreamMessage.readBytes: if the byte array field value is empty, readBytes returns 0")
    void readBytesOfEmptyReturnsZero() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeBytes(new byte[0]);
        assertThat(roundTrip(message).readBytes(new byte[4])).isZero();
    }

    @Test
    @DisplayName("StreamMessage.readBytes: reading the next field before the full byte[] value has been read throws MessageFormatException")
    void partiallyReadBytesBlockNextField() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeBytes(new byte[] {1, 2, 3, 4});
        message.writeInt(7);
        StreamMessage received = roundTrip(message);
        assertThat(received.readBytes(new byte[2])).isEqualTo(2);
        assertThatThrownBy(received::readInt).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("10.3: MessageEOFException must be thrown when an unexpected end of stream has been reached when a StreamMessage is read")
    void readingPastTheEndThrowsEof() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeInt(1);
        StreamMessage received = roundTrip(message);
        received.readInt();
        assertThatThrownBy(received::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    @DisplayName("StreamMessage.writeObject: MessageFormatException if the object is of an invalid type")
    void writeObjectOfUnsupportedClassThrows() throws Exception {
        StreamMessage message = session.createStreamMessage();
        assertThatThrownBy(() -> message.writeObject(new java.util.Date())).isInstanceOf(MessageFormatException.class);
    }

    // ------------------------------------------------------------ read-only / write-only

    @Test
    @DisplayName("StreamMessage: if a client attempts to read a message in write-only mode, a MessageNotReadableException is thrown")
    void newMessageIsWriteOnly() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeInt(1);
        assertThatThrownBy(message::readInt).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    @DisplayName("StreamMessage.reset: puts the message body in read-only mode and repositions the stream to the beginning")
    void resetMakesReadable() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeInt(1);
        message.writeString("two");
        message.reset();
        assertThat(message.readInt()).isEqualTo(1);
        assertThat(message.readString()).isEqualTo("two");
        assertThatThrownBy(() -> message.writeInt(3)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    @DisplayName("StreamMessage: when the message is first created, and when clearBody is called, the body is in write-only mode (received + clearBody)")
    void clearBodyOfReceivedMessageMakesItWriteOnly() throws Exception {
        StreamMessage message = session.createStreamMessage();
        message.writeInt(1);
        StreamMessage received = roundTrip(message);
        received.clearBody();
        received.writeString("new");
        assertThatThrownBy(received::readString).isInstanceOf(MessageNotReadableException.class);
        received.reset();
        assertThat(received.readString()).isEqualTo("new");
    }
}
