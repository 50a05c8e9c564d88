package io.warren.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Warren's {@link StreamMessage}: a sequence of typed values read back in order, with the conversions of the JMS
 * specification. A read whose conversion fails throws and leaves the position where it was, so the value can be
 * read again as another type.
 *
 * <p>A byte[] value may be read in pieces with {@link #readBytes(byte[])}; until that value is read to its end,
 * every other read is a {@link MessageFormatException}.
 */
public final class WarrenStreamMessage extends WarrenMessage implements StreamMessage {
    private List<Object> values;
    /** The received body while it is the message's content. */
    private byte[] encoded;
    private int index;
    /** Bytes of the current byte[] value already handed out by readBytes; -1 when no byte[] is being read. */
    private int bytesRead = -1;

    /** An empty, write-only stream message. */
    public WarrenStreamMessage() {
    }

    private List<Object> values() throws MessageFormatException {
        if (values == null) {
            values = encoded == null ? new ArrayList<>() : BodyCodec.decodeStream(encoded);
        }
        return values;
    }

    // ---- reading ----

    private <T> T read(TypeConversions.Conversion<T> conversion) throws JMSException {
        Object v = next();
        T converted = conversion.apply(v);
        index++;
        return converted;
    }

    private Object next() throws JMSException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException("this StreamMessage is write-only: call reset() before reading it");
        }
        if (bytesRead >= 0) {
            throw new MessageFormatException("a byte[] value is partly read: call readBytes until it returns less"
                    + " than the buffer length or -1 before reading the next value");
        }
        List<Object> vs = values();
        if (index >= vs.size()) {
            throw new MessageEOFException("end of the StreamMessage body: all " + vs.size() + " values were read");
        }
        return vs.get(index);
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read(TypeConversions::toBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(TypeConversions::toByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(TypeConversions::toShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(TypeConversions::toChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(TypeConversions::toInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(TypeConversions::toLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(TypeConversions::toFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(TypeConversions::toDouble);
    }

    @Override
    public String readString() throws JMSException {
        return read(TypeConversions::toText);
    }

    /**
     * Reads the next byte[] value into {@code value}, in as many calls as it takes: each returns the number of bytes
     * copied; a value ends with a call returning less than {@code value.length}, or with -1 when the previous call
     * filled the buffer exactly. A null value reads as -1, an empty one as 0.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        if (bytesRead < 0) {
            Object v = next();
            if (v == null) {
                index++;
                return -1;
            }
            if (!(v instanceof byte[])) {
                throw new MessageFormatException("a value of type " + TypeConversions.typeName(v)
                        + " cannot be read as byte[]");
            }
            if (((byte[]) v).length == 0) {
                index++;
                return 0;
            }
            bytesRead = 0;
        }
        byte[] field = (byte[]) values().get(index);
        int remaining = field.length - bytesRead;
        if (remaining == 0) {
            endBytes();
            return -1;
        }
        int n = Math.min(value.length, remaining);
        System.arraycopy(field, bytesRead, value, 0, n);
        bytesRead += n;
        if (n < value.length) {
            endBytes();
        }
        return n;
    }

    private void endBytes() {
        bytesRead = -1;
        index++;
    }

    /** The next value in boxed form (a byte[] as a copy), null for a null value. */
    @Override
    public Object readObject() throws JMSException {
        Object v = next();
        index++;
        return v instanceof byte[] b ? b.clone() : v;
    }

    // ---- writing ----

    private void write(Object value) throws JMSException {
        checkBodyWritable();
        values().add(value);
        encoded = null;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        write(value);
    }

    /** Writes a copy of {@code value} (null writes a null value). */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        java.util.Objects.checkFromIndexSize(offset, length, value.length);
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        write(copy);
    }

    /** Writes a boxed primitive, a String, a copy of a byte[] or null; any other type is a MessageFormatException. */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value != null && !TypeConversions.isBodyValueType(value)) {
            throw new MessageFormatException("StreamMessage.writeObject cannot write a " + value.getClass().getName()
                    + ": only boxed primitives, String and byte[] are allowed");
        }
        write(value instanceof byte[] b ? b.clone() : value);
    }

    // ---- state ----

    @Override
    public void reset() {
        setBodyReadOnly(true);
        index = 0;
        bytesRead = -1;
    }

    /** A StreamMessage body is never returned by getBody: always a MessageFormatException. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("the body of a StreamMessage cannot be returned by getBody:"
                + " read it with the read methods");
    }

    /** Always false: a StreamMessage body is never returned by getBody. */
    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        return false;
    }

    @Override
    void clearBodyContent() {
        values = null;
        encoded = null;
        index = 0;
        bytesRead = -1;
    }

    @Override
    String contentType() {
        return ContentTypes.STREAM;
    }

    @Override
    byte[] bodyForSend() throws JMSException {
        if (encoded != null) {
            return encoded;
        }
        return values == null || values.isEmpty() ? EMPTY : BodyCodec.encodeStream(values);
    }

    @Override
    void receiveBody(byte[] body) {
        encoded = body;
        values = null;
        index = 0;
        bytesRead = -1;
    }
}
