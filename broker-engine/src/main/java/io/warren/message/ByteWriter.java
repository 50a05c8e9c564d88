package io.warren.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer for the broker's binary formats (messages, store records). */
public final class ByteWriter {
    private byte[] buf;
    private int pos;

    public ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public ByteWriter writeByte(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public ByteWriter writeShort(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public ByteWriter writeInt(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public ByteWriter writeLong(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    public ByteWriter writeBytes(byte[] b) {
        return writeBytes(b, 0, b.length);
    }

    public ByteWriter writeBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** A length-prefixed byte array. */
    public ByteWriter writeBlob(byte[] b) {
        writeInt(b.length);
        return writeBytes(b);
    }

    /** A nullable UTF-8 string, length-prefixed (-1 for null). */
    public ByteWriter writeString(String s) {
        if (s == null) {
            return writeInt(-1);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        return writeBytes(b);
    }

    public int size() {
        return pos;
    }

    /** Overwrites four bytes at {@code at} (for length fields written after their content). */
    public void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** The internal array; valid up to {@link #size()}. */
    public byte[] array() {
        return buf;
    }

    public void reset() {
        pos = 0;
    }
}
