package io.warren.server.amqp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.CharsetUtil;

/**
 * Reads and writes the two AMQP string types: {@code shortstr} (octet length, at most 255 bytes) and
 * {@code longstr} (unsigned 32-bit length), both UTF-8.
 *
 * <p>Readers check every length against the readable bytes and validate UTF-8 strictly, throwing
 * {@link AmqpCodecException} with {@link ReplyCodes#SYNTAX_ERROR} and the caller's {@code what} in the message.
 * Writers throw the same for a {@code shortstr} over 255 bytes, before writing anything. Stateless and
 * thread-safe; buffers are the caller's.
 */
public final class AmqpStrings {
    /** Longest {@code shortstr} in bytes. */
    public static final int SHORTSTR_MAX = 255;

    private AmqpStrings() {
    }

    /**
     * {@code text} cut so that its UTF-8 form fits a {@code shortstr}, ending in "..." when cut; never splits a
     * character (reply texts quote client-chosen names, which may be non-ASCII).
     */
    public static String truncateToShortstr(String text) {
        if (text.length() <= SHORTSTR_MAX / 3 || ByteBufUtil.utf8Bytes(text) <= SHORTSTR_MAX) {
            return text;
        }
        int budget = SHORTSTR_MAX - 3;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes > budget) {
                break;
            }
            budget -= bytes;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + "...";
    }

    /** Reads a {@code shortstr}; {@code what} names the field for the error message. */
    public static String readShortstr(ByteBuf in, String what) {
        require(in, 1, what);
        int length = in.readUnsignedByte();
        return readUtf8(in, length, what);
    }

    /** Reads a {@code longstr} as UTF-8 text. */
    public static String readLongstr(ByteBuf in, String what) {
        return readUtf8(in, readLongstrLength(in, what), what);
    }

    /** Reads a {@code longstr} as raw bytes (SASL responses, secrets, the field-table {@code 'x'} type). */
    public static byte[] readLongstrBytes(ByteBuf in, String what) {
        int length = readLongstrLength(in, what);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    /**
     * Reads the unsigned 32-bit length of a {@code longstr}, table or array and checks that many bytes follow.
     */
    public static int readLongstrLength(ByteBuf in, String what) {
        require(in, 4, what);
        long length = in.readUnsignedInt();
        if (length > in.readableBytes()) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                    what + ": length " + length + " exceeds the " + in.readableBytes() + " bytes left");
        }
        return (int) length;
    }

    /** Decodes {@code length} bytes as strict UTF-8; overlong forms, surrogates and bad sequences fail. */
    public static String readUtf8(ByteBuf in, int length, String what) {
        require(in, length, what);
        if (length == 0) {
            return "";
        }
        int start = in.readerIndex();
        if (!ByteBufUtil.isText(in, start, length, CharsetUtil.UTF_8)) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR, what + ": invalid UTF-8");
        }
        String s = in.toString(start, length, CharsetUtil.UTF_8);
        in.skipBytes(length);
        return s;
    }

    /** Writes a {@code shortstr}; {@code null} is written as the empty string. */
    public static void writeShortstr(ByteBuf out, String s, String what) {
        if (s == null || s.isEmpty()) {
            out.writeByte(0);
            return;
        }
        int length = ByteBufUtil.utf8Bytes(s);
        if (length > SHORTSTR_MAX) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                    what + ": shortstr of " + length + " bytes is longer than " + SHORTSTR_MAX);
        }
        int lengthIndex = out.writerIndex();
        out.writeByte(0);
        // Patched from what was written, so the prefix always matches the bytes even for unpaired surrogates.
        out.setByte(lengthIndex, ByteBufUtil.reserveAndWriteUtf8(out, s, length));
    }

    /** Writes a {@code longstr} as UTF-8; {@code null} is written as the empty string. */
    public static void writeLongstr(ByteBuf out, String s) {
        if (s == null || s.isEmpty()) {
            out.writeInt(0);
            return;
        }
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        int written = ByteBufUtil.writeUtf8(out, s);
        out.setInt(lengthIndex, written);
    }

    /** Writes a {@code longstr} of raw bytes; {@code null} is written as empty. */
    public static void writeLongstr(ByteBuf out, byte[] bytes) {
        if (bytes == null) {
            out.writeInt(0);
            return;
        }
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    /** Throws a {@link ReplyCodes#SYNTAX_ERROR} unless {@code n} more bytes are readable. */
    public static void require(ByteBuf in, int n, String what) {
        if (in.readableBytes() < n) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                    what + ": truncated, needs " + n + " bytes but " + in.readableBytes() + " left");
        }
    }
}
