package io.warren.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warren's {@link MapMessage}: named values with the conversions of the JMS specification. A received body is
 * decoded on first access and, unless changed, forwarded as received. byte[] values are copied in and out.
 */
public final class WarrenMapMessage extends WarrenMessage implements MapMessage {
    private Map<String, Object> map;
    /** The received body while it is the message's content. */
    private byte[] encoded;

    /** An empty, writable map message. */
    public WarrenMapMessage() {
    }

    private Map<String, Object> map() throws MessageFormatException {
        if (map == null) {
            map = encoded == null ? new LinkedHashMap<>() : BodyCodec.decodeMap(encoded);
        }
        return map;
    }

    private Object get(String name) throws MessageFormatException {
        return name == null ? null : map().get(name);
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return TypeConversions.toBoolean(get(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return TypeConversions.toByte(get(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return TypeConversions.toShort(get(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return TypeConversions.toChar(get(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return TypeConversions.toInt(get(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return TypeConversions.toLong(get(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return TypeConversions.toFloat(get(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return TypeConversions.toDouble(get(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return TypeConversions.toText(get(name));
    }

    /** A copy of the byte[] value, or null if there is none; any other type is a MessageFormatException. */
    @Override
    public byte[] getBytes(String name) throws JMSException {
        return TypeConversions.toBytes(get(name));
    }

    /** The value in boxed form (a byte[] is copied), or null if there is none. */
    @Override
    public Object getObject(String name) throws JMSException {
        Object v = get(name);
        return v instanceof byte[] b ? b.clone() : v;
    }

    @Override
    public Enumeration<String> getMapNames() throws JMSException {
        return Collections.enumeration(new ArrayList<>(map().keySet()));
    }

    @Override
    public boolean itemExists(String name) throws JMSException {
        return name != null && map().containsKey(name);
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    /** Sets a copy of {@code value} (null allowed). */
    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        checkName(name);
        java.util.Objects.checkFromIndexSize(offset, length, value.length);
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        put(name, copy);
    }

    /** Sets a boxed primitive, a String or a copy of a byte[]; null is allowed, any other type is not. */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        checkName(name);
        if (value != null && !TypeConversions.isBodyValueType(value)) {
            throw new MessageFormatException("MapMessage.setObject cannot set a " + value.getClass().getName()
                    + ": only boxed primitives, String and byte[] are allowed");
        }
        put(name, value instanceof byte[] b ? b.clone() : value);
    }

    private void put(String name, Object value) throws JMSException {
        checkName(name);
        checkBodyWritable();
        map().put(name, value);
        encoded = null;
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("MapMessage item names must not be null or empty");
        }
    }

    /** A copy of the entries as a Map, or null for a message without entries whatever {@code c} is. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        Map<String, Object> m = map();
        if (m.isEmpty()) {
            return null;
        }
        if (!accepts(c, Map.class)) {
            throw notAssignable("a Map", c);
        }
        Map<String, Object> copy = new HashMap<>(m);
        copy.replaceAll((k, v) -> v instanceof byte[] b ? b.clone() : v);
        return c.cast(copy);
    }

    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) throws JMSException {
        return map().isEmpty() || accepts(c, Map.class);
    }

    @Override
    void clearBodyContent() {
        map = null;
        encoded = null;
    }

    @Override
    String contentType() {
        return ContentTypes.MAP;
    }

    @Override
    byte[] bodyForSend() throws JMSException {
        if (encoded != null) {
            return encoded;
        }
        return map == null || map.isEmpty() ? EMPTY : BodyCodec.encodeMap(map);
    }

    @Override
    void receiveBody(byte[] body) {
        encoded = body;
        map = null;
    }
}
