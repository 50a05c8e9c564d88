package io.warren.server.amqp.method;

import io.netty.buffer.ByteBuf;
import io.warren.server.amqp.codec.AmqpCodecException;
import io.warren.server.amqp.codec.AmqpStrings;
import io.warren.server.amqp.codec.FieldTables;
import io.warren.server.amqp.codec.ReplyCodes;
import java.util.Map;

/**
 * Writes the arguments of one method in order, packing consecutive bits into octets and checking that
 * unsigned values fit their wire type; a value that does not throws {@link AmqpCodecException}
 * ({@link ReplyCodes#SYNTAX_ERROR}) naming the method and field. {@link #end()} flushes pending bits.
 */
final class ArgWriter {
    private final ByteBuf out;
    private final String method;
    private int bits;
    private int bitCount;

    ArgWriter(ByteBuf out, String method) {
        this.out = out;
        this.method = method;
    }

    ArgWriter octet(int value, String field) {
        flushBits();
        out.writeByte(check(value, 0xFF, field));
        return this;
    }

    ArgWriter shortInt(int value, String field) {
        flushBits();
        out.writeShort(check(value, 0xFFFF, field));
        return this;
    }

    ArgWriter longInt(long value, String field) {
        flushBits();
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw outOfRange(value, 0xFFFF_FFFFL, field);
        }
        out.writeInt((int) value);
        return this;
    }

    ArgWriter longlong(long value) {
        flushBits();
        out.writeLong(value);
        return this;
    }

    ArgWriter bit(boolean value) {
        if (bitCount == 8) {
            flushBits();
        }
        if (value) {
            bits |= 1 << bitCount;
        }
        bitCount++;
        return this;
    }

    ArgWriter shortstr(String value, String field) {
        flushBits();
        AmqpStrings.writeShortstr(out, value, method + " field " + field);
        return this;
    }

    ArgWriter longstr(String value) {
        flushBits();
        AmqpStrings.writeLongstr(out, value);
        return this;
    }

    ArgWriter longstr(byte[] value) {
        flushBits();
        AmqpStrings.writeLongstr(out, value);
        return this;
    }

    ArgWriter table(Map<String, Object> value, String field) {
        flushBits();
        try {
            FieldTables.writeTable(out, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(method + " field " + field + ": " + e.getMessage(), e);
        }
        return this;
    }

    void end() {
        flushBits();
    }

    private void flushBits() {
        if (bitCount > 0) {
            out.writeByte(bits);
            bits = 0;
            bitCount = 0;
        }
    }

    private int check(int value, int max, String field) {
        if (value < 0 || value > max) {
            throw outOfRange(value, max, field);
        }
        return value;
    }

    private AmqpCodecException outOfRange(long value, long max, String field) {
        return new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                method + " field " + field + ": " + value + " is outside 0.." + max);
    }
}
