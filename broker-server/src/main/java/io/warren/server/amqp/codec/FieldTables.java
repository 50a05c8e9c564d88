package io.warren.server.amqp.codec;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes AMQP field tables, field arrays and field values with RabbitMQ's type tags (the 0-9-1 errata).
 *
 * <p>Decoding: {@code t} Boolean, {@code b} Byte, {@code B} Short (unsigned octet), {@code s} Short,
 * {@code u} Integer (unsigned short), {@code I} Integer, {@code i} Long (unsigned int), {@code l} Long,
 * {@code f} Float, {@code d} Double, {@code D} BigDecimal, {@code S} String, {@code x} byte[], {@code A}
 * List, {@code T} Date (whole seconds), {@code F} a {@link LinkedHashMap} in wire order, {@code V} null. A key
 * that repeats keeps its first value. Every length is checked against the readable bytes before anything is
 * allocated, collections grow only as entries are actually read, and nesting deeper than
 * {@value #MAX_DEPTH} tables or arrays is refused; all bad input throws {@link AmqpCodecException}
 * ({@link ReplyCodes#SYNTAX_ERROR}).
 *
 * <p>Encoding: Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal, String, Character (as a
 * one-character string), byte[], List, Object[], Map, Date and null. Any other type, a key over 255 bytes, or a
 * BigDecimal outside the wire range throws {@link IllegalArgumentException} naming the key; the output buffer
 * may then hold a partial table. Stateless and thread-safe.
 */
public final class FieldTables {
    /** Deepest nesting of tables and arrays that is read or written. */
    public static final int MAX_DEPTH = 100;

    private FieldTables() {
    }

    /** Reads a table with its 4-byte length prefix. */
    public static Map<String, Object> readTable(ByteBuf in) {
        try {
            return readTable(in, 1);
        } catch (RuntimeException e) {
            throw asCodecException(e);
        }
    }

    /** Reads exactly {@code length} bytes of table entries that have no length prefix (the AMQPLAIN response). */
    public static Map<String, Object> readTableBody(ByteBuf in, int length) {
        if (length < 0) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR, "field table: negative length " + length);
        }
        AmqpStrings.require(in, length, "field table");
        try {
            return readEntries(in, length, 1);
        } catch (RuntimeException e) {
            throw asCodecException(e);
        }
    }

    /** Reads one tagged field value. */
    public static Object readValue(ByteBuf in) {
        try {
            return readValue(in, 0, "value");
        } catch (RuntimeException e) {
            throw asCodecException(e);
        }
    }

    /** Reads a field array with its 4-byte length prefix. */
    public static List<Object> readArray(ByteBuf in) {
        try {
            return readArray(in, 1, "array");
        } catch (RuntimeException e) {
            throw asCodecException(e);
        }
    }

    /** Writes a table with its 4-byte length prefix; {@code null} is written as an empty table. */
    public static void writeTable(ByteBuf out, Map<String, ?> table) {
        writeTable(out, table, 1);
    }

    /** Writes one tagged field value. */
    public static void writeValue(ByteBuf out, Object value) {
        writeValue(out, "value", value, 0);
    }

    /** Backstop for the explicit checks: nothing but {@link AmqpCodecException} leaves a read. */
    private static AmqpCodecException asCodecException(RuntimeException e) {
        if (e instanceof AmqpCodecException) {
            return (AmqpCodecException) e;
        }
        return new AmqpCodecException(ReplyCodes.SYNTAX_ERROR, "malformed field table: " + e);
    }

    private static Map<String, Object> readTable(ByteBuf in, int depth) {
        int length = AmqpStrings.readLongstrLength(in, "field table");
        return readEntries(in, length, depth);
    }

    private static Map<String, Object> readEntries(ByteBuf in, int length, int depth) {
        if (depth > MAX_DEPTH) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                    "field table nested deeper than " + MAX_DEPTH);
        }
        ByteBuf entries = in.readSlice(length);
        Map<String, Object> table = new LinkedHashMap<>();
        while (entries.isReadable()) {
            String key = AmqpStrings.readShortstr(entries, "field table key");
            Object value = readValue(entries, depth, key);
            table.putIfAbsent(key, value);
        }
        return table;
    }

    private static List<Object> readArray(ByteBuf in, int depth, String key) {
        if (depth > MAX_DEPTH) {
            throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                    "field array nested deeper than " + MAX_DEPTH);
        }
        int length = AmqpStrings.readLongstrLength(in, "field array '" + key + "'");
        ByteBuf items = in.readSlice(length);
        List<Object> list = new ArrayList<>();
        while (items.isReadable()) {
            list.add(readValue(items, depth, key));
        }
        return list;
    }

    private static Object readValue(ByteBuf in, int depth, String key) {
        AmqpStrings.require(in, 1, "field '" + key + "'");
        int tag = in.readUnsignedByte();
        String what = "field '" + key + "' of type '" + (char) tag + "'";
        switch (tag) {
            case 't':
                AmqpStrings.require(in, 1, what);
                return in.readByte() != 0;
            case 'b':
                AmqpStrings.require(in, 1, what);
                return in.readByte();
            case 'B':
                AmqpStrings.require(in, 1, what);
                return in.readUnsignedByte();
            case 's':
                AmqpStrings.require(in, 2, what);
                return in.readShort();
            case 'u':
                AmqpStrings.require(in, 2, what);
                return in.readUnsignedShort();
            case 'I':
                AmqpStrings.require(in, 4, what);
                return in.readInt();
            case 'i':
                AmqpStrings.require(in, 4, what);
                return in.readUnsignedInt();
            case 'l':
                AmqpStrings.require(in, 8, what);
                return in.readLong();
            case 'f':
                AmqpStrings.require(in, 4, what);
                return in.readFloat();
            case 'd':
                AmqpStrings.require(in, 8, what);
                return in.readDouble();
            case 'D':
                AmqpStrings.require(in, 5, what);
                int scale = in.readUnsignedByte();
                return new BigDecimal(BigInteger.valueOf(in.readInt()), scale);
            case 'S':
                return AmqpStrings.readLongstr(in, what);
            case 'x':
                return AmqpStrings.readLongstrBytes(in, what);
            case 'A':
                return readArray(in, depth + 1, key);
            case 'T':
                AmqpStrings.require(in, 8, what);
                return new Date(in.readLong() * 1000L);
            case 'F':
                return readTable(in, depth + 1);
            case 'V':
                return null;
            default:
                throw new AmqpCodecException(ReplyCodes.SYNTAX_ERROR,
                        "field '" + key + "': unknown type tag 0x" + Integer.toHexString(tag));
        }
    }

    private static void writeTable(ByteBuf out, Map<String, ?> table, int depth) {
        checkDepth(depth);
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        if (table != null) {
            for (Map.Entry<String, ?> entry : table.entrySet()) {
                String key = entry.getKey();
                if (key == null) {
                    throw new IllegalArgumentException("field table key is null");
                }
                try {
                    AmqpStrings.writeShortstr(out, key, "field table key");
                } catch (AmqpCodecException e) {
                    throw new IllegalArgumentException("field table key '" + key + "': " + e.getMessage());
                }
                writeValue(out, key, entry.getValue(), depth);
            }
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    private static void writeArray(ByteBuf out, String key, Iterable<?> items, int depth) {
        checkDepth(depth);
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        for (Object item : items) {
            writeValue(out, key, item, depth);
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("field table nested deeper than " + MAX_DEPTH);
        }
    }

    private static void writeValue(ByteBuf out, String key, Object value, int depth) {
        if (value == null) {
            out.writeByte('V');
        } else if (value instanceof String) {
            out.writeByte('S');
            AmqpStrings.writeLongstr(out, (String) value);
        } else if (value instanceof Integer) {
            out.writeByte('I').writeInt((Integer) value);
        } else if (value instanceof Long) {
            out.writeByte('l').writeLong((Long) value);
        } else if (value instanceof Boolean) {
            out.writeByte('t').writeByte((Boolean) value ? 1 : 0);
        } else if (value instanceof Map) {
            out.writeByte('F');
            writeTable(out, castTable(key, (Map<?, ?>) value), depth + 1);
        } else if (value instanceof List) {
            out.writeByte('A');
            writeArray(out, key, (List<?>) value, depth + 1);
        } else if (value instanceof byte[]) {
            out.writeByte('x');
            AmqpStrings.writeLongstr(out, (byte[]) value);
        } else if (value instanceof Byte) {
            out.writeByte('b').writeByte((Byte) value);
        } else if (value instanceof Short) {
            out.writeByte('s').writeShort((Short) value);
        } else if (value instanceof Float) {
            out.writeByte('f').writeFloat((Float) value);
        } else if (value instanceof Double) {
            out.writeByte('d').writeDouble((Double) value);
        } else if (value instanceof BigDecimal) {
            writeDecimal(out, key, (BigDecimal) value);
        } else if (value instanceof Date) {
            out.writeByte('T').writeLong(Math.floorDiv(((Date) value).getTime(), 1000L));
        } else if (value instanceof Character) {
            out.writeByte('S');
            AmqpStrings.writeLongstr(out, value.toString());
        } else if (value instanceof Object[]) {
            out.writeByte('A');
            writeArray(out, key, Arrays.asList((Object[]) value), depth + 1);
        } else {
            throw new IllegalArgumentException("field '" + key + "': values of type " + value.getClass().getName()
                    + " cannot be written to an AMQP field table");
        }
    }

    private static void writeDecimal(ByteBuf out, String key, BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > 255) {
            throw new IllegalArgumentException("field '" + key + "': decimal scale " + scale
                    + " is outside 0..255");
        }
        BigInteger unscaled = value.unscaledValue();
        if (unscaled.bitLength() > 31) {
            throw new IllegalArgumentException("field '" + key + "': decimal unscaled value " + unscaled
                    + " does not fit a signed 32-bit integer");
        }
        out.writeByte('D').writeByte(scale).writeInt(unscaled.intValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castTable(String key, Map<?, ?> map) {
        for (Object k : map.keySet()) {
            if (!(k instanceof String)) {
                throw new IllegalArgumentException("field '" + key + "': nested table key " + k
                        + " is not a String");
            }
        }
        return (Map<String, ?>) map;
    }
}
