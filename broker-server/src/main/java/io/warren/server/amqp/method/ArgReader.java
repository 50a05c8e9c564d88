package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import io.warren.server.amqp.codec.AmqpCodecException;
import io.warren.server.amqp.codec.AmqpStrings;
import io.warren.server.amqp.codec.FieldTables;
import java.util.Map;

/**
 * Reads the arguments of one method in order, packing consecutive bits into octets, and names the method and
 * field in every {@link AmqpCodecException}. Used by the records' {@code read} methods on one thread.
 */
final class ArgReader {
    private final ByteBuf in;
    private final String method;
    private int bits;
    private int bitMask;

    ArgReader(ByteBuf in, String method) {
        this.in = in;
        this.method = method;
    }

    int octet(String field) {
        need(1, field);
        return in.readUnsignedByte();
    }

    int shortInt(String field) {
        need(2, field);
        return in.readUnsignedShort();
    }

    long longInt(String field) {
        need(4, field);
        return in.readUnsignedInt();
    }

    long longlong(String field) {
        need(8, field);
        return in.readLong();
    }

    boolean bit(String field) {
        if (bitMask == 0 || bitMask == 0x100) {
            need(1, field);
            bits = in.readUnsignedByte();
            bitMask = 1;
        }
        boolean value = (bits & bitMask) != 0;
        bitMask <<= 1;
        return value;
    }

    String shortstr(String field) {
        bitMask = 0;
        return AmqpStrings.readShortstr(in, what(field));
    }

    String longstr(String field) {
        bitMask = 0;
        return AmqpStrings.readLongstr(in, what(field));
    }

    byte[] longstrBytes(String field) {
        bitMask = 0;
        return AmqpStrings.readLongstrBytes(in, what(field));
    }

    Map<String, Object> table(String field) {
        bitMask = 0;
        try {
            return FieldTables.readTable(in);
        } catch (AmqpCodecException e) {
            throw new AmqpCodecException(e.replyCode(), what(field) + ": " + e.getMessage());
        }
    }

    private void need(int n, String field) {
        bitMask = 0;
        AmqpStrings.require(in, n, what(field));
    }

    private String what(String field) {
        return method + " field " + field;
    }
}
