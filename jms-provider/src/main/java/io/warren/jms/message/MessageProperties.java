package io.warren.jms.message;

import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The application properties of a message and whether they may be written. A received message shares the broker
 * message's (immutable) header map until something writes, so receiving copies nothing.
 */
final class MessageProperties {
    private Map<String, Object> values;
    private boolean shared;
    private boolean readOnly;

    MessageProperties() {
        values = Map.of();
        shared = true; // most messages get no property: the map is made by the first put
    }

    private MessageProperties(Map<String, Object> values, boolean shared) {
        this.values = values;
        this.shared = shared;
    }

    /**
     * Read-only properties over a broker message's headers. Header values that are no JMS property type (published
     * by a non-JMS client) are converted or left out: a char becomes a one-character String, an AMQP decimal its
     * String form, an AMQP timestamp its epoch milliseconds as a Long; byte[], lists and maps are dropped.
     * So are the JMSX names the message keeps beside its properties ({@code JMSXDeliveryCount}, {@code JMSXUserID},
     * {@code JMSXAppID}), should a publisher have sent them as headers.
     */
    static MessageProperties received(Map<String, Object> headers) {
        MessageProperties p;
        if (allPropertyTypes(headers)) {
            p = new MessageProperties(headers, true);
        } else {
            Map<String, Object> copy = new LinkedHashMap<>();
            headers.forEach((k, v) -> {
                if (isKeptBeside(k)) {
                    return;
                }
                if (v instanceof Character c) {
                    copy.put(k, c.toString());
                } else if (v instanceof java.math.BigDecimal d) {
                    copy.put(k, d.toPlainString());
                } else if (v instanceof java.util.Date d) {
                    copy.put(k, d.getTime());
                } else if (TypeConversions.isPropertyType(v)) {
                    copy.put(k, v);
                }
            });
            p = new MessageProperties(copy, false);
        }
        p.readOnly = true;
        return p;
    }

    private static boolean allPropertyTypes(Map<String, Object> headers) {
        for (Map.Entry<String, Object> e : headers.entrySet()) {
            if (!TypeConversions.isPropertyType(e.getValue()) || isKeptBeside(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeptBeside(String name) {
        return name.startsWith("JMSX") && (name.equals(PropertyNames.JMSX_DELIVERY_COUNT)
                || name.equals(PropertyNames.JMSX_USER_ID) || name.equals(PropertyNames.JMSX_APP_ID));
    }

    Object get(String name) {
        return name == null ? null : values.get(name);
    }

    boolean contains(String name) {
        return name != null && values.containsKey(name);
    }

    void put(String name, Object value) throws MessageNotWriteableException {
        checkWritable();
        if (shared) {
            values = new LinkedHashMap<>(values);
            shared = false;
        }
        values.put(name, value);
    }

    void checkWritable() throws MessageNotWriteableException {
        if (readOnly) {
            throw new MessageNotWriteableException(
                    "the properties of a received message are read-only: call clearProperties() first");
        }
    }

    /** Removes every property and makes the properties writable. */
    void clear() {
        values = Map.of();
        shared = true;
        readOnly = false;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    Set<String> names() {
        return values.keySet();
    }

    /** The values, unmodifiable; may contain null values. */
    Map<String, Object> asMap() {
        return shared ? values : Collections.unmodifiableMap(values);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }
}
