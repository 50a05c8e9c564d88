package io.warren.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Encodes the typed values of {@link Values} (headers, arguments) with a one-byte type tag each. */
public final class ValueCodec {
    private static final int NULL = 0;
    private static final int BOOLEAN = 1;
    private static final int BYTE = 2;
    private static final int SHORT = 3;
    private static final int INT = 4;
    private static final int LONG = 5;
    private static final int FLOAT = 6;
    private static final int DOUBLE = 7;
    private static final int CHAR = 8;
    private static final int STRING = 9;
    private static final int BYTES = 10;
    private static final int LIST = 11;
    private static final int MAP = 12;
    private static final int DECIMAL = 13;
    private static final int TIMESTAMP = 14;

    private ValueCodec() {
    }

    public static void writeValue(ByteWriter w, Object v) {
        if (v == null) {
            w.writeByte(NULL);
        } else if (v instanceof String s) {
            w.writeByte(STRING).writeString(s);
        } else if (v instanceof Integer i) {
            w.writeByte(INT).writeInt(i);
        } else if (v instanceof Long l) {
            w.writeByte(LONG).writeLong(l);
        } else if (v instanceof Boolean b) {
            w.writeByte(BOOLEAN).writeByte(b ? 1 : 0);
        } else if (v instanceof Byte b) {
            w.writeByte(BYTE).writeByte(b);
        } else if (v instanceof Short s) {
            w.writeByte(SHORT).writeShort(s);
        } else if (v instanceof Float f) {
            w.writeByte(FLOAT).writeInt(Float.floatToRawIntBits(f));
        } else if (v instanceof Double d) {
            w.writeByte(DOUBLE).writeLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof Character c) {
            w.writeByte(CHAR).writeShort(c);
        } else if (v instanceof byte[] b) {
            w.writeByte(BYTES).writeBlob(b);
        } else if (v instanceof List<?> list) {
            w.writeByte(LIST).writeInt(list.size());
            for (Object o : list) {
                writeValue(w, o);
            }
        } else if (v instanceof Map<?, ?> map) {
            w.writeByte(MAP);
            writeMap(w, map);
        } else if (v instanceof java.math.BigDecimal d) {
            w.writeByte(DECIMAL).writeInt(d.scale()).writeBlob(d.unscaledValue().toByteArray());
        } else if (v instanceof java.util.Date d) {
            w.writeByte(TIMESTAMP).writeLong(d.getTime());
        } else {
            throw new IllegalArgumentException("unsupported value type " + v.getClass().getName());
        }
    }

    public static Object readValue(ByteReader r) {
        int tag = r.readByte();
        return switch (tag) {
            case NULL -> null;
            case BOOLEAN -> r.readByte() != 0;
            case BYTE -> (byte) r.readByte();
            case SHORT -> (short) r.readShort();
            case INT -> r.readInt();
            case LONG -> r.readLong();
            case FLOAT -> Float.intBitsToFloat(r.readInt());
            case DOUBLE -> Double.longBitsToDouble(r.readLong());
            case CHAR -> (char) r.readShort();
            case STRING -> r.readString();
            case BYTES -> r.readBlob();
            case LIST -> {
                int n = r.readInt();
                if (n < 0) {
                    throw new CorruptDataException("negative list size " + n);
                }
                List<Object> list = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    list.add(readValue(r));
                }
                yield list;
            }
            case MAP -> readMap(r);
            case DECIMAL -> {
                int scale = r.readInt();
                byte[] unscaled = r.readBlob();
                if (unscaled.length == 0) {
                    throw new CorruptDataException("decimal without digits");
                }
                yield new java.math.BigDecimal(new java.math.BigInteger(unscaled), scale);
            }
            case TIMESTAMP -> new java.util.Date(r.readLong());
            default -> throw new CorruptDataException("unknown value tag " + tag);
        };
    }

    public static void writeMap(ByteWriter w, Map<?, ?> map) {
        if (map == null) {
            w.writeInt(0);
            return;
        }
        w.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            w.writeString((String) e.getKey());
            writeValue(w, e.getValue());
        }
    }

    public static Map<String, Object> readMap(ByteReader r) {
        int n = r.readInt();
        if (n < 0) {
            throw new CorruptDataException("negative map size " + n);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(r.readString(), readValue(r));
        }
        return map;
    }
}
