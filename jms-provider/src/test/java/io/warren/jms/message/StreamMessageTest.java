package io.warren.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StreamMessage: modes, the partial readBytes protocol, nulls, objects and its body. */
class StreamMessageTest {
    private final WarrenStreamMessage m = new WarrenStreamMessage();

    @Test
    void valuesReadBackInOrderAfterReset() throws JMSException {
        m.writeBoolean(false);
        m.writeByte((byte) 1);
        m.writeShort((short) 2);
        m.writeChar('3');
        m.writeInt(4);
        m.writeLong(5);
        m.writeFloat(6f);
        m.writeDouble(7d);
        m.writeString("8");
        m.writeBytes(new byte[] {9});
        m.reset();
        assertThat(m.readBoolean()).isFalse();
        assertThat(m.readByte()).isEqualTo((byte) 1);
        assertThat(m.readShort()).isEqualTo((short) 2);
        assertThat(m.readChar()).isEqualTo('3');
        assertThat(m.readInt()).isEqualTo(4);
        assertThat(m.readLong()).isEqualTo(5L);
        assertThat(m.readFloat()).isEqualTo(6f);
        assertThat(m.readDouble()).isEqualTo(7d);
        assertThat(m.readString()).isEqualTo("8");
        assertThat((byte[]) m.readObject()).containsExactly(9);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void everyValueSurvivesTheBrokerWithItsType() throws JMSException {
        for (Object v : List.<Object>of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s")) {
            m.writeObject(v);
        }
        m.writeObject(null);
        WarrenStreamMessage r = Received.copyOf(m);
        for (Object v : List.<Object>of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s")) {
            assertThat(r.readObject()).isEqualTo(v).hasSameClassAs(v);
        }
        assertThat(r.readObject()).isNull();
    }

    @Test
    void readingBeforeResetFails() throws JMSException {
        m.writeInt(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(() -> m.readBytes(new byte[1])).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    void writingAfterResetFails() throws JMSException {
        m.reset();
        assertThatThrownBy(() -> m.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> m.writeObject("x")).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> m.writeBytes(new byte[1], 0, 1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void readingPastTheEndFailsWithEof() throws JMSException {
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(m::readString).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(() -> m.readBytes(new byte[1])).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void aFailedConversionDoesNotAdvance() throws JMSException {
        m.writeString("not a number");
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readLong).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readChar).isInstanceOf(MessageFormatException.class);
        assertThat(m.readString()).isEqualTo("not a number");
    }

    @Test
    void nullReadsAsValueOfNull() throws JMSException {
        for (int i = 0; i < 6; i++) {
            m.writeString(null);
        }
        m.reset();
        assertThat(m.readBoolean()).isFalse();
        assertThatThrownBy(m::readInt).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(m::readDouble).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(m::readChar).isInstanceOf(NullPointerException.class);
        assertThat(m.readString()).isNull();
        assertThat(m.readObject()).isNull();
        assertThat(m.readBytes(new byte[2])).isEqualTo(-1);
        assertThat(m.readString()).isNull();
        assertThat(m.readString()).isNull();
        assertThatThrownBy(m::readString).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void readBytesReadsAValueInPiecesEndingWithAShortRead() throws JMSException {
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.writeInt(6);
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(1, 2);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(buf).containsExactly(3, 4);
        assertThat(m.readBytes(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 5);
        assertThat(m.readInt()).isEqualTo(6);
    }

    @Test
    void readBytesEndsWithMinusOneWhenTheBufferWasFilledExactly() throws JMSException {
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.writeBytes(new byte[] {5});
        m.reset();
        byte[] buf = new byte[2];
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(m.readBytes(buf)).isEqualTo(2);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
        assertThat(m.readBytes(buf)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 5);
    }

    @Test
    void anEmptyByteArrayReadsAsZero() throws JMSException {
        m.writeBytes(new byte[0]);
        m.writeBoolean(true);
        m.reset();
        assertThat(m.readBytes(new byte[4])).isZero();
        assertThat(m.readBoolean()).isTrue();
    }

    @Test
    void anotherReadDuringAPartlyReadByteArrayFails() throws JMSException {
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeInt(4);
        m.reset();
        assertThat(m.readBytes(new byte[1])).isEqualTo(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(m::readObject).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(m::readString).isInstanceOf(MessageFormatException.class);
        byte[] rest = new byte[5];
        assertThat(m.readBytes(rest)).isEqualTo(2);
        assertThat(rest).startsWith(2, 3);
        assertThat(m.readInt()).isEqualTo(4);
    }

    @Test
    void resetAbandonsAPartlyReadByteArray() throws JMSException {
        m.writeBytes(new byte[] {1, 2, 3});
        m.reset();
        m.readBytes(new byte[1]);
        m.reset();
        assertThat((byte[]) m.readObject()).containsExactly(1, 2, 3);
    }

    @Test
    void readBytesOfAnotherTypeFailsWithoutAdvancing() throws JMSException {
        m.writeString("s");
        m.reset();
        assertThatThrownBy(() -> m.readBytes(new byte[1])).isInstanceOf(MessageFormatException.class);
        assertThat(m.readString()).isEqualTo("s");
    }

    @Test
    void writtenAndReadByteArraysAreCopies() throws JMSException {
        byte[] b = {1, 2};
        m.writeBytes(b);
        m.writeObject(b);
        m.writeBytes(new byte[] {0, 7, 8, 0}, 1, 2);
        b[0] = 9;
        m.reset();
        byte[] first = (byte[]) m.readObject();
        assertThat(first).containsExactly(1, 2);
        first[1] = 9;
        assertThat((byte[]) m.readObject()).containsExactly(1, 2);
        assertThat((byte[]) m.readObject()).containsExactly(7, 8);
        m.reset();
        assertThat((byte[]) m.readObject()).containsExactly(1, 2);
    }

    @Test
    void writeObjectRefusesOtherTypes() {
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(List.of())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(Map.of())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void clearBodyEmptiesAndMakesWriteOnly() throws JMSException {
        m.writeInt(1);
        WarrenStreamMessage r = Received.copyOf(m);
        r.clearBody();
        assertThatThrownBy(r::readInt).isInstanceOf(MessageNotReadableException.class);
        r.writeInt(2);
        r.reset();
        assertThat(r.readInt()).isEqualTo(2);
        assertThatThrownBy(r::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void aReceivedMessageIsReadOnly() throws JMSException {
        m.writeInt(1);
        WarrenStreamMessage r = Received.copyOf(m);
        assertThat(r.readInt()).isEqualTo(1);
        assertThatThrownBy(() -> r.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void getBodyAlwaysFailsAndNothingIsAssignable() throws JMSException {
        assertThatThrownBy(() -> m.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
        m.writeInt(1);
        assertThatThrownBy(() -> m.getBody(List.class)).isInstanceOf(MessageFormatException.class);
        assertThat(m.isBodyAssignableTo(Object.class)).isFalse();
        assertThat(Received.copyOf(new WarrenStreamMessage()).isBodyAssignableTo(Object.class)).isFalse();
    }

    @Test
    void changesAfterSendDoNotChangeTheSentMessage() throws JMSException {
        m.writeInt(1);
        var sent = Received.published(m);
        m.writeInt(2);
        WarrenStreamMessage r = (WarrenStreamMessage) Received.of(sent);
        assertThat(r.readInt()).isEqualTo(1);
        assertThatThrownBy(r::readInt).isInstanceOf(MessageEOFException.class);
    }
}
