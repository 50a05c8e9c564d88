package io.warren.message;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteWriter} wrote. Running past the end throws {@link CorruptDataException}, so a
 * truncated or damaged record is reported rather than misread.
 */
public final class ByteReader {
    private final byte[] buf;
    private int pos;
    private final int limit;

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    private void need(int n) {
        if (n < 0 || pos + n > limit) {
            throw new CorruptDataException("truncated data: need " + n + " bytes at offset " + pos
                    + ", only " + (limit - pos) + " left");
        }
    }

    public int readByte() {
        need(1);
        return buf[pos++];
    }

    public int readShort() {
        need(2);
        int v = ((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff);
        pos += 2;
        return (short) v;
    }

    public int readInt() {
        need(4);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long readLong() {
        return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
    }

    public byte[] readBytes(int n) {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    public byte[] readBlob() {
        return readBytes(readInt());
    }

    public String readString() {
        int n = readInt();
        if (n == -1) {
            return null;
        }
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Moves past {@code n} bytes without reading them. */
    public void skip(int n) {
        need(n);
        pos += n;
    }

    /** Moves past a string written by {@link ByteWriter#writeString} without decoding it. */
    public void skipString() {
        int n = readInt();
        if (n != -1) {
            skip(n);
        }
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    public int position() {
        return pos;
    }
}
