package io.warren.message;

/**
 * The binary form of a {@link Message}, shared by memory, the journal and (later) the wire: a version byte,
 * the routing data and properties, the headers as a typed table, then the body.
 */
public final class MessageCodec {
    /** Version 2 added content-encoding and cluster-id; version 1 records (without them) still decode. */
    private static final int VERSION = 2;
    private static final int VERSION_1 = 1;

    private MessageCodec() {
    }

    public static byte[] encode(Message m) {
        ByteWriter w = new ByteWriter(128 + m.bodySize() + 32 * m.headers().size());
        w.writeByte(VERSION);
        w.writeString(m.exchange());
        w.writeString(m.routingKey());
        w.writeByte(m.persistent() ? 1 : 0);
        w.writeByte(m.priority());
        w.writeString(m.messageId());
        w.writeString(m.correlationId());
        w.writeString(m.replyTo());
        w.writeString(m.type());
        w.writeString(m.contentType());
        w.writeString(m.userId());
        w.writeString(m.appId());
        w.writeString(m.contentEncoding());
        w.writeString(m.clusterId());
        w.writeLong(m.timestamp());
        w.writeLong(m.expiration());
        w.writeLong(m.deliveryTime());
        w.writeString(m.origin());
        ValueCodec.writeMap(w, m.headers());
        w.writeBlob(m.body());
        return w.toByteArray();
    }

    /**
     * What a store indexes of an encoded message, read without copying its body.
     *
     * @param priority     0..255
     * @param expiration   absolute epoch milliseconds, 0 for never
     * @param deliveryTime absolute epoch milliseconds, 0 for at once
     * @param bodySize     bytes of the body
     */
    public record Header(int priority, long expiration, long deliveryTime, int bodySize) {
    }

    /** Reads past one encoded message, returning its {@link Header}; the body is skipped, not copied. */
    public static Header readHeader(ByteReader r) {
        int version = r.readByte();
        if (version != VERSION && version != VERSION_1) {
            throw new CorruptDataException("unknown message format version " + version);
        }
        r.skipString();
        r.skipString();
        r.skip(1);
        int priority = r.readByte() & 0xff;
        for (int i = 0; i < (version >= VERSION ? 9 : 7); i++) {
            r.skipString();
        }
        r.skip(8);
        long expiration = r.readLong();
        long deliveryTime = r.readLong();
        r.skipString();
        ValueCodec.readMap(r);
        int bodySize = r.readInt();
        r.skip(bodySize);
        return new Header(priority, expiration, deliveryTime, bodySize);
    }

    public static Message decode(byte[] data) {
        return decode(new ByteReader(data));
    }

    public static Message decode(ByteReader r) {
        int version = r.readByte();
        if (version != VERSION && version != VERSION_1) {
            throw new CorruptDataException("unknown message format version " + version);
        }
        Message.Builder b = Message.builder()
                .exchange(r.readString())
                .routingKey(r.readString())
                .persistent(r.readByte() != 0)
                .priority(r.readByte() & 0xff)
                .messageId(r.readString())
                .correlationId(r.readString())
                .replyTo(r.readString())
                .type(r.readString())
                .contentType(r.readString())
                .userId(r.readString())
                .appId(r.readString());
        if (version >= VERSION) {
            b.contentEncoding(r.readString()).clusterId(r.readString());
        }
        b.timestamp(r.readLong())
                .expiration(r.readLong())
                .deliveryTime(r.readLong())
                .origin(r.readString())
                .headersWithNulls(ValueCodec.readMap(r));
        return b.body(r.readBlob()).build();
    }
}
