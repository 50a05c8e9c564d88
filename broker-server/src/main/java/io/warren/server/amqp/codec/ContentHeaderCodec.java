package io.warren.server.amqp.codec;

import io.netty.buffer.ByteBuf;
import java.util.Date;

/**
 * Reads and writes content header frame payloads: class-id short, weight short (always 0), body-size longlong,
 * property-flag shorts, then the present properties in the order of {@link BasicProperties}.
 *
 * <p>Flag bit 15 of the first word is the first property; bit 0 of each word says another flag word follows.
 * Only class 60 ({@code basic}) carries content; its fourteen properties use bits 15..2 of the first word, so
 * bit 1 or any bit of a continuation word names a property that does not exist and is refused. Decoding
 * consumes exactly the payload and throws only {@link AmqpCodecException}: {@link ReplyCodes#NOT_IMPLEMENTED}
 * for another class, {@link ReplyCodes#SYNTAX_ERROR} for everything else. Stateless and thread-safe.
 */
public final class ContentHeaderCodec {
    /** The class id of {@code basic}, the only class with content. */
    public static final int BASIC_CLASS_ID = 60;

    private static final int CONTINUATION = 1;

    private ContentHeaderCodec() {
    }

    /** Decodes a whole content header payload; trailing bytes are an error. */
    public static ContentHeader decode(ByteBuf payload) {
        try {
            ContentHeader header = decodeUnchecked(payload);
            if (payload.isReadable()) {
                throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                        "content header: " + payload.readableBytes() + " unexpected trailing bytes");
            }
            return header;
        } catch (AmqpCodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR, "malformed content header: " + e);
        }
    }

    /** Encodes {@code header}; see {@link #encode(int, long, BasicProperties, ByteBuf)}. */
    public static void encode(ContentHeader header, ByteBuf out) {
        encode(header.classId(), header.bodySize(), header.properties(), out);
    }

    /**
     * Encodes a content header without building a {@link ContentHeader}. {@code null} properties are
     * {@link BasicProperties#EMPTY}. On failure the writer index of {@code out} is restored.
     *
     * @throws IllegalArgumentException for a delivery mode or priority outside 0..255, a negative body size,
     *         or a headers table that cannot be written
     * @throws AmqpCodecException for a string property over 255 bytes
     */
    public static void encode(int classId, long bodySize, BasicProperties properties, ByteBuf out) {
        if (bodySize < 0) {
            throw new IllegalArgumentException("negative body size " + bodySize);
        }
        BasicProperties p = properties == null ? BasicProperties.EMPTY : properties;
        int start = out.writerIndex();
        try {
            out.writeShort(classId).writeShort(0).writeLong(bodySize).writeShort(flags(p));
            writeShortstr(out, p.contentType(), "content-type");
            writeShortstr(out, p.contentEncoding(), "content-encoding");
            if (p.headers() != null) {
                FieldTables.writeTable(out, p.headers());
            }
            writeOctet(out, p.deliveryMode(), "delivery-mode");
            writeOctet(out, p.priority(), "priority");
            writeShortstr(out, p.correlationId(), "correlation-id");
            writeShortstr(out, p.replyTo(), "reply-to");
            writeShortstr(out, p.expiration(), "expiration");
            writeShortstr(out, p.messageId(), "message-id");
            if (p.timestamp() != null) {
                out.writeLong(Math.floorDiv(p.timestamp().getTime(), 1000L));
            }
            writeShortstr(out, p.type(), "type");
            writeShortstr(out, p.userId(), "user-id");
            writeShortstr(out, p.appId(), "app-id");
            writeShortstr(out, p.clusterId(), "cluster-id");
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    private static int flags(BasicProperties p) {
        int flags = 0;
        flags |= bit(p.contentType(), 15);
        flags |= bit(p.contentEncoding(), 14);
        flags |= bit(p.headers(), 13);
        flags |= bit(p.deliveryMode(), 12);
        flags |= bit(p.priority(), 11);
        flags |= bit(p.correlationId(), 10);
        flags |= bit(p.replyTo(), 9);
        flags |= bit(p.expiration(), 8);
        flags |= bit(p.messageId(), 7);
        flags |= bit(p.timestamp(), 6);
        flags |= bit(p.type(), 5);
        flags |= bit(p.userId(), 4);
        flags |= bit(p.appId(), 3);
        flags |= bit(p.clusterId(), 2);
        return flags;
    }

    private static int bit(Object value, int bit) {
        return value == null ? 0 : 1 << bit;
    }

    private static void writeShortstr(ByteBuf out, String value, String name) {
        if (value != null) {
            AmqpStrings.writeShortstr(out, value, "content header property " + name);
        }
    }

    private static void writeOctet(ByteBuf out, Integer value, String name) {
        if (value != null) {
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException("content header property " + name + ": " + value
                        + " is outside 0..255");
            }
            out.writeByte(value);
        }
    }

    private static ContentHeader decodeUnchecked(ByteBuf in) {
        AmqpStrings.require(in, 14, "content header");
        int classId = in.readUnsignedShort();
        int weight = in.readUnsignedShort();
        long bodySize = in.readLong();
        int flags = in.readUnsignedShort();
        if (classId != BASIC_CLASS_ID) {
            throw new AmqpCodecException(ReplyCodes.NOT_IMPLEMENTED, "content header for class " + classId
                    + ": only class " + BASIC_CLASS_ID + " (basic) has content");
        }
        if (weight != 0) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR, "content header: weight " + weight
                    + " is not 0");
        }
        if (bodySize < 0) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR, "content header: body size "
                    + Long.toUnsignedString(bodySize) + " is too large");
        }
        if ((flags & 0b10) != 0) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                    "content header: property flag bit 1 names no basic property");
        }
        for (int word = flags; (word & CONTINUATION) != 0; ) {
            AmqpStrings.require(in, 2, "content header property flags");
            word = in.readUnsignedShort();
            if ((word & ~CONTINUATION) != 0) {
                throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                        "content header: continuation flag word 0x" + Integer.toHexString(word)
                                + " names properties basic does not have");
            }
        }
        return new ContentHeader(classId, bodySize, readProperties(in, flags));
    }

    private static BasicProperties readProperties(ByteBuf in, int flags) {
        if ((flags & 0xFFFC) == 0) {
            return BasicProperties.EMPTY;
        }
        return new BasicProperties(
                has(flags, 15) ? AmqpStrings.readShortstr(in, "content-type") : null,
                has(flags, 14) ? AmqpStrings.readShortstr(in, "content-encoding") : null,
                has(flags, 13) ? FieldTables.readTable(in) : null,
                has(flags, 12) ? readOctet(in, "delivery-mode") : null,
                has(flags, 11) ? readOctet(in, "priority") : null,
                has(flags, 10) ? AmqpStrings.readShortstr(in, "correlation-id") : null,
                has(flags, 9) ? AmqpStrings.readShortstr(in, "reply-to") : null,
                has(flags, 8) ? AmqpStrings.readShortstr(in, "expiration") : null,
                has(flags, 7) ? AmqpStrings.readShortstr(in, "message-id") : null,
                has(flags, 6) ? readTimestamp(in) : null,
                has(flags, 5) ? AmqpStrings.readShortstr(in, "type") : null,
                has(flags, 4) ? AmqpStrings.readShortstr(in, "user-id") : null,
                has(flags, 3) ? AmqpStrings.readShortstr(in, "app-id") : null,
                has(flags, 2) ? AmqpStrings.readShortstr(in, "cluster-id") : null);
    }

    private static boolean has(int flags, int bit) {
        return (flags & (1 << bit)) != 0;
    }

    private static Integer readOctet(ByteBuf in, String name) {
        AmqpStrings.require(in, 1, name);
        return (int) in.readUnsignedByte();
    }

    private static Date readTimestamp(ByteBuf in) {
        AmqpStrings.require(in, 8, "timestamp");
        return new Date(in.readLong() * 1000L);
    }
}
