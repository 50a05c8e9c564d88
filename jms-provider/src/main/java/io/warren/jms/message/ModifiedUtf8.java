package io.warren.jms.message;

import io.warren.message.ByteWriter;
import jakarta.jms.MessageFormatException;

/** The modified UTF-8 of {@link java.io.DataOutput#writeUTF}, without its length prefix. */
final class ModifiedUtf8 {
    private ModifiedUtf8() {
    }

    static int length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= 0x0001 && c <= 0x007f ? 1 : c <= 0x07ff ? 2 : 3;
        }
        return n;
    }

    static void write(String s, ByteWriter w) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007f) {
                w.writeByte(c);
            } else if (c <= 0x07ff) {
                w.writeByte(0xc0 | (c >> 6));
                w.writeByte(0x80 | (c & 0x3f));
            } else {
                w.writeByte(0xe0 | (c >> 12));
                w.writeByte(0x80 | ((c >> 6) & 0x3f));
                w.writeByte(0x80 | (c & 0x3f));
            }
        }
    }

    static String read(byte[] b, int offset, int length) throws MessageFormatException {
        char[] chars = new char[length];
        int n = 0;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int x = b[i] & 0xff;
            if (x < 0x80) {
                chars[n++] = (char) x;
                i++;
            } else if ((x & 0xe0) == 0xc0) {
                int y = continuation(b, i + 1, end, i);
                chars[n++] = (char) (((x & 0x1f) << 6) | y);
                i += 2;
            } else if ((x & 0xf0) == 0xe0) {
                int y = continuation(b, i + 1, end, i);
                int z = continuation(b, i + 2, end, i);
                chars[n++] = (char) (((x & 0x0f) << 12) | (y << 6) | z);
                i += 3;
            } else {
                throw malformed(i - offset);
            }
        }
        return new String(chars, 0, n);
    }

    private static int continuation(byte[] b, int at, int end, int start) throws MessageFormatException {
        if (at >= end || (b[at] & 0xc0) != 0x80) {
            throw malformed(start);
        }
        return b[at] & 0x3f;
    }

    private static MessageFormatException malformed(int at) {
        return new MessageFormatException("the bytes at the read position are not a valid modified UTF-8 string"
                + " (bad byte sequence at offset " + at + " of the string)");
    }
}
