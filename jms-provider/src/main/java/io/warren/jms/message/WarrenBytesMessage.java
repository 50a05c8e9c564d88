package io.warren.jms.message;

import io.warren.message.ByteWriter;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;

/**
 * Warren's {@link BytesMessage}: uninterpreted bytes written and read like {@link java.io.DataOutput} and
 * {@link java.io.DataInput} (big-endian, {@code writeUTF} in modified UTF-8 with a two-byte length).
 *
 * <p>A new message is write-only; {@link #reset()} makes it read-only and rewinds it. A received message is
 * read-only and its body is the broker message's array, not a copy. A read that fails leaves the position where
 * it was.
 */
public final class WarrenBytesMessage extends WarrenMessage implements BytesMessage {
    private ByteWriter out;
    private byte[] data;
    private int pos;

    /** An empty, write-only bytes message. */
    public WarrenBytesMessage() {
    }

    // ---- reading ----

    @Override
    public long getBodyLength() throws JMSException {
        checkReadable();
        return data.length;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        need(1);
        return data[pos++] != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        need(1);
        return data[pos++];
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        need(1);
        return data[pos++] & 0xff;
    }

    @Override
    public short readShort() throws JMSException {
        return (short) readUnsignedShort();
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        need(2);
        int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    @Override
    public char readChar() throws JMSException {
        return (char) readUnsignedShort();
    }

    @Override
    public int readInt() throws JMSException {
        need(4);
        int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
                | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    @Override
    public long readLong() throws JMSException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[pos + i] & 0xff);
        }
        pos += 8;
        return v;
    }

    @Override
    public float readFloat() throws JMSException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws JMSException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readUTF() throws JMSException {
        need(2);
        int length = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
        need(2 + length);
        String s = ModifiedUtf8.read(data, pos + 2, length);
        pos += 2 + length;
        return s;
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " is not within 0.." + value.length);
        }
        checkReadable();
        int remaining = data.length - pos;
        if (remaining == 0) {
            return -1;
        }
        int n = Math.min(length, remaining);
        System.arraycopy(data, pos, value, 0, n);
        pos += n;
        return n;
    }

    private void need(int n) throws JMSException {
        checkReadable();
        if (data.length - pos < n) {
            throw new MessageEOFException("end of the BytesMessage body: " + n + " bytes needed at position " + pos
                    + ", " + (data.length - pos) + " left");
        }
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!isBodyReadOnly()) {
            throw new MessageNotReadableException(
                    "this BytesMessage is write-only: call reset() before reading it");
        }
    }

    // ---- writing ----

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        out().writeByte(value ? 1 : 0);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        out().writeByte(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        out().writeShort(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        out().writeShort(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        out().writeInt(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        out().writeLong(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        out().writeInt(Float.floatToIntBits(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        out().writeLong(Double.doubleToLongBits(value));
    }

    @Override
    public void writeUTF(String value) throws JMSException {
        ByteWriter o = out();
        int length = ModifiedUtf8.length(value);
        if (length > 0xffff) {
            throw new MessageFormatException("writeUTF takes at most 65535 bytes of modified UTF-8, this string has "
                    + length + ": write it with writeBytes instead");
        }
        o.writeShort(length);
        ModifiedUtf8.write(value, o);
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        writeBytes(value, 0, value.length);
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        java.util.Objects.checkFromIndexSize(offset, length, value.length);
        out(length).writeBytes(value, offset, length);
    }

    /** Writes a boxed primitive, a String (as {@link #writeUTF}) or a byte[]; null is a NullPointerException. */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("BytesMessage.writeObject does not accept null");
        }
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("BytesMessage.writeObject cannot write a " + value.getClass().getName()
                    + ": only boxed primitives, String and byte[] are allowed");
        }
    }

    private ByteWriter out() throws JMSException {
        return out(0);
    }

    /** The body being written, made to hold {@code firstWrite} bytes without growing if this is the first write. */
    private ByteWriter out(int firstWrite) throws JMSException {
        checkBodyWritable();
        if (out == null) {
            out = new ByteWriter(Math.max(64, firstWrite));
        }
        return out;
    }

    // ---- state ----

    @Override
    public void reset() {
        if (!isBodyReadOnly()) {
            data = written();
            out = null;
            setBodyReadOnly(true);
        }
        pos = 0;
    }

    private byte[] written() {
        return out == null ? EMPTY : out.toByteArray();
    }

    private int length() {
        return isBodyReadOnly() ? data.length : (out == null ? 0 : out.size());
    }

    /**
     * A copy of the whole body, or null for an empty body whatever {@code c} is; else {@code c} must accept a
     * byte[]. A readable message is rewound afterwards.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (length() == 0) {
            return null;
        }
        if (!accepts(c, byte[].class)) {
            throw notAssignable("a byte[]", c);
        }
        if (isBodyReadOnly()) {
            pos = 0;
            return c.cast(data.clone());
        }
        return c.cast(written());
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        return length() == 0 || accepts(c, byte[].class);
    }

    @Override
    void clearBodyContent() {
        data = null;
        out = null;
        pos = 0;
    }

    @Override
    String contentType() {
        return ContentTypes.BYTES;
    }

    @Override
    byte[] bodyForSend() {
        return isBodyReadOnly() ? data : written();
    }

    @Override
    void receiveBody(byte[] body) {
        data = body;
        out = null;
        pos = 0;
    }
}
