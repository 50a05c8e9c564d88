package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BytesMessage: the DataInput/DataOutput-like API, its modes, and its body. */
class BytesMessageTest {
    private final WarrenBytesMessage m = new WarrenBytesMessage();

    @Test
    void everyTypeReadsBackAsWritten() throws JMSException {
        m.writeBoolean(true);
        m.writeByte((byte) -2);
        m.writeShort((short) -300);
        m.writeChar('é');
        m.writeInt(-70000);
        m.writeLong(Long.MIN_VALUE + 1);
        m.writeFloat(1.25f);
        m.writeDouble(-2.5e300);
        m.writeUTF("héllo €");
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeBytes(new byte[] {9, 4, 5, 9}, 1, 2);
        m.reset();
        assertThat(m.readBoolean()).isTrue();
        assertThat(m.readByte()).isEqualTo((byte) -2);
        assertThat(m.readShort()).isEqualTo((short) -300);
        assertThat(m.readChar()).isEqualTo('é');
        assertThat(m.readInt()).isEqualTo(-70000);
        assertThat(m.readLong()).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(m.readFloat()).isEqualTo(1.25f);
        assertThat(m.readDouble()).isEqualTo(-2.5e300);
        assertThat(m.readUTF()).isEqualTo("héllo €");
        byte[] rest = new byte[10];
        assertThat(m.readBytes(rest)).isEqualTo(5);
        assertThat(rest).startsWith(1, 2, 3, 4, 5);
    }

    @Test
    void theEncodingIsThatOfDataOutputStream() throws Exception {
        m.writeInt(42);
        m.writeUTF("a\u0000€");
        m.writeDouble(3.5);
        m.writeChar('x');
        m.reset();
        byte[] body = new byte[(int) m.getBodyLength()];
        m.readBytes(body);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeInt(42);
        out.writeUTF("a\u0000€");
        out.writeDouble(3.5);
        out.writeChar('x');
        assertThat(body).isEqualTo(expected.toByteArray());
    }

    @Test
    void readUtfReadsWhatDataOutputStreamWrote() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeUTF("ü\u0000\uffff😀");
        m.writeBytes(bytes.toByteArray());
        m.reset();
        assertThat(m.readUTF()).isEqualTo("ü\u0000\uffff😀");
    }

    @Test
    void writeUtfIsReadableByDataInputStream() throws Exception {
        m.writeUTF("€ and 😀");
        m.reset();
        byte[] body = m.getBody(byte[].class);
        assertThat(new DataInputStream(new ByteArrayInputStream(body)).readUTF()).isEqualTo("€ and 😀");
    }

    @Test
    void unsignedReadsGiveTheUnsignedValue() throws JMSException {
        m.writeByte((byte) -1);
        m.writeShort((short) -1);
        m.reset();
        assertThat(m.readUnsignedByte()).isEqualTo(255);
        assertThat(m.readUnsignedShort()).isEqualTo(65535);
    }

    @Test
    void readingAWriteOnlyMessageFails() throws JMSException {
        m.writeInt(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(m::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(() -> m.readBytes(new byte[1])).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    void writingAfterResetFails() throws JMSException {
        m.writeInt(1);
        m.reset();
        assertThatThrownBy(() -> m.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> m.writeBytes(new byte[1])).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> m.writeObject("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> m.writeUTF("x")).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void resetRewindsAReadableMessage() throws JMSException {
        m.writeInt(7);
        m.reset();
        m.readInt();
        m.reset();
        assertThat(m.readInt()).isEqualTo(7);
    }

    @Test
    void getBodyLengthIsTheWholeBodyWhereverThePositionIs() throws JMSException {
        m.writeLong(1);
        m.reset();
        m.readInt();
        assertThat(m.getBodyLength()).isEqualTo(8);
    }

    @Test
    void readingPastTheEndFailsWithEofAndKeepsThePosition() throws JMSException {
        m.writeShort((short) 5);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readLong).isInstanceOf(MessageEOFException.class);
        assertThat(m.readShort()).isEqualTo((short) 5);
        assertThatThrownBy(m::readByte).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readBoolean).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void aTruncatedUtfStringFailsWithEof() throws JMSException {
        m.writeShort((short) 10);
        m.writeByte((byte) 'a');
        m.reset();
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageEOFException.class);
        assertThat(m.readShort()).isEqualTo((short) 10);
    }

    @Test
    void malformedUtfFailsWithMessageFormatExceptionAndKeepsThePosition() throws JMSException {
        m.writeShort((short) 2);
        m.writeByte((byte) 0xc3);
        m.writeByte((byte) 0x41);
        m.reset();
        assertThatThrownBy(m::readUTF).isInstanceOf(MessageFormatException.class);
        assertThat(m.readShort()).isEqualTo((short) 2);
    }

    @Test
    void readBytesFillsTheBufferThenReturnsTheRestThenMinusOne() throws JMSException {
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(1, 2);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(3, 4);
        assertThat(m.readBytes(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 5);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
    }

    @Test
    void readBytesWithALengthReadsAtMostThatMany() throws JMSException {
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.reset();
        byte[] buf = new byte[4];
        assertThat(m.readBytes(buf, 3)).isEqualTo(3);
        assertThat(buf).containsExactly(1, 2, 3, 0);
        assertThat(m.readBytes(buf, 3)).isEqualTo(2);
        assertThat(m.readBytes(buf, 3)).isEqualTo(-1);
    }

    @Test
    void readBytesWithABadLengthFailsAndReadsNothing() throws JMSException {
        m.writeBytes(new byte[] {1, 2});
        m.reset();
        assertThatThrownBy(() -> m.readBytes(new byte[2], 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.readBytes(new byte[2], -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(m.readByte()).isEqualTo((byte) 1);
    }

    @Test
    void readBytesOnAnEmptyBodyReturnsMinusOne() throws JMSException {
        m.reset();
        assertThat(m.readBytes(new byte[4])).isEqualTo(-1);
        assertThat(m.getBodyLength()).isZero();
    }

    @Test
    void writeObjectWritesEachAllowedTypeAsItsTypedWrite() throws JMSException {
        for (Object v : List.<Object>of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s", new byte[] {7})) {
            m.writeObject(v);
        }
        m.reset();
        assertThat(m.readBoolean()).isTrue();
        assertThat(m.readByte()).isEqualTo((byte) 1);
        assertThat(m.readShort()).isEqualTo((short) 2);
        assertThat(m.readChar()).isEqualTo('c');
        assertThat(m.readInt()).isEqualTo(3);
        assertThat(m.readLong()).isEqualTo(4L);
        assertThat(m.readFloat()).isEqualTo(5f);
        assertThat(m.readDouble()).isEqualTo(6d);
        assertThat(m.readUTF()).isEqualTo("s");
        assertThat(m.readByte()).isEqualTo((byte) 7);
    }

    @Test
    void writeObjectRefusesOtherTypesAndNull() {
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(List.of(1))).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(new Serializable() { })).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void writeUtfRefusesMoreThan65535Bytes() {
        assertThatThrownBy(() -> m.writeUTF("x".repeat(65536))).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void writeBytesWithABadRangeFails() {
        assertThatThrownBy(() -> m.writeBytes(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void clearBodyEmptiesAndMakesWriteOnly() throws JMSException {
        m.writeInt(1);
        m.reset();
        m.clearBody();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        m.writeInt(2);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(4);
        assertThat(m.readInt()).isEqualTo(2);
    }

    @Test
    void aReceivedMessageIsReadOnlyAndRewound() throws JMSException {
        m.writeInt(5);
        WarrenBytesMessage r = Received.copyOf(m);
        assertThat(r.getBodyLength()).isEqualTo(4);
        assertThat(r.readInt()).isEqualTo(5);
        assertThatThrownBy(() -> r.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        r.clearBody();
        r.writeInt(6);
        assertThatThrownBy(r::readInt).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    void changesAfterSendDoNotChangeTheSentMessage() throws JMSException {
        m.writeInt(1);
        var sent = Received.published(m);
        m.writeInt(2);
        assertThat(sent.body()).hasSize(4);
    }

    @Test
    void sendingDoesNotChangeTheSendersMode() throws JMSException {
        m.writeInt(1);
        Received.published(m);
        m.writeInt(2);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(8);
    }

    @Test
    void getBodyIsACopyOfTheWholeBodyAndRewinds() throws JMSException {
        m.writeBytes(new byte[] {1, 2, 3});
        m.reset();
        m.readByte();
        byte[] body = m.getBody(byte[].class);
        assertThat(body).containsExactly(1, 2, 3);
        body[0] = 9;
        assertThat(m.readByte()).isEqualTo((byte) 1);
        assertThat(m.getBody(Object.class)).isInstanceOf(byte[].class);
    }

    @Test
    void getBodyOfAWriteOnlyMessageReturnsWhatWasWritten() throws JMSException {
        m.writeByte((byte) 4);
        assertThat(m.getBody(byte[].class)).containsExactly(4);
        m.writeByte((byte) 5);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(2);
    }

    @Test
    void getBodyRefusesOtherTypes() throws JMSException {
        m.writeByte((byte) 4);
        assertThatThrownBy(() -> m.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.getBody(Byte[].class)).isInstanceOf(MessageFormatException.class);
        assertThat(m.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(m.isBodyAssignableTo(Object.class)).isTrue();
        assertThat(m.isBodyAssignableTo(String.class)).isFalse();
        assertThat(m.isBodyAssignableTo(java.util.Map.class)).isFalse();
    }

    @Test
    void anEmptyBodyIsNullForAnyType() throws JMSException {
        assertThat(m.getBody(String.class)).isNull();
        assertThat(m.isBodyAssignableTo(String.class)).isTrue();
        WarrenBytesMessage r = Received.copyOf(m);
        assertThat(r.getBody(Integer.class)).isNull();
    }

    @Test
    void theDataInputStreamDoesTheSameForBytesItCanRead() throws IOException, JMSException {
        DataInputStream reference = new DataInputStream(new ByteArrayInputStream(new byte[] {0, 0, 0, 1}));
        m.writeBytes(new byte[] {0, 0, 0, 1});
        m.reset();
        assertThat(m.readInt()).isEqualTo(reference.readInt());
    }
}
