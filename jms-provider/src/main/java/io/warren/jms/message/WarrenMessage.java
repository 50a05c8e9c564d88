package io.warren.jms.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Warren's {@link Message}: the JMS header fields, the properties and, in subclasses, a body. Used as is for a
 * message without a body ({@code Session.createMessage()}).
 *
 * <p>Properties follow the conversion table of the JMS specification. {@code JMSXDeliveryCount},
 * {@code JMSXUserID} and {@code JMSXAppID} are kept beside the properties (the broker carries them as delivery
 * count, user id and app id) but read and enumerate like properties; {@code JMSXGroupID} and
 * {@code JMSXGroupSeq} are ordinary properties the application sets.
 *
 * <p>A received message has read-only properties and body until {@link #clearProperties()} and
 * {@link #clearBody()}; header fields are always writable. Like every JMS message, an instance is not
 * thread-safe.
 */
public class WarrenMessage implements Message {
    static final byte[] EMPTY = new byte[0];

    private String messageId;
    private long timestamp;
    private String correlationId;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = DEFAULT_PRIORITY;

    private int deliveryCount;
    private String userId;
    private String appId;
    private MessageProperties properties = new MessageProperties();

    private boolean bodyReadOnly;
    private Acknowledger acknowledger;

    /** An empty, writable message. */
    public WarrenMessage() {
    }

    // ---- header fields ----

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /**
     * The correlation ID as bytes: the bytes given to {@link #setJMSCorrelationIDAsBytes(byte[])}, or the UTF-8
     * bytes of a String correlation ID.
     */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return CorrelationIds.toBytes(correlationId);
    }

    /**
     * Sets a byte[] correlation ID (copied). It reads back through {@link #getJMSCorrelationID()} as
     * {@code ID:bytes:} followed by the bytes in hex, which is also how it travels and how selectors see it.
     */
    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationId = CorrelationIds.fromBytes(correlationID);
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    /**
     * Sets {@code JMSXDeliveryCount}: how often this message has been delivered, this delivery included; 0 means
     * not received (the property is then absent). For the provider's consumer.
     */
    public void setDeliveryCount(int deliveryCount) {
        this.deliveryCount = deliveryCount;
    }

    // ---- properties ----

    @Override
    public void clearProperties() {
        properties.clear();
        deliveryCount = 0;
        userId = null;
        appId = null;
    }

    @Override
    public boolean propertyExists(String name) {
        return property(name) != null || properties.contains(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return TypeConversions.toBoolean(property(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return TypeConversions.toByte(property(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return TypeConversions.toShort(property(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return TypeConversions.toInt(property(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return TypeConversions.toLong(property(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return TypeConversions.toFloat(property(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return TypeConversions.toDouble(property(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return TypeConversions.toText(property(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return property(name);
    }

    private Object property(String name) {
        if (name != null && name.startsWith("JMSX")) {
            switch (name) {
                case PropertyNames.JMSX_DELIVERY_COUNT:
                    return deliveryCount > 0 ? deliveryCount : null;
                case PropertyNames.JMSX_USER_ID:
                    return userId;
                case PropertyNames.JMSX_APP_ID:
                    return appId;
                default:
                    break;
            }
        }
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        List<String> names = new ArrayList<>(properties.names());
        if (deliveryCount > 0) {
            names.add(PropertyNames.JMSX_DELIVERY_COUNT);
        }
        if (userId != null) {
            names.add(PropertyNames.JMSX_USER_ID);
        }
        if (appId != null) {
            names.add(PropertyNames.JMSX_APP_ID);
        }
        return Collections.enumeration(names);
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        putProperty(name, value);
    }

    /**
     * Sets a property from a {@code Boolean}, {@code Byte}, {@code Short}, {@code Integer}, {@code Long},
     * {@code Float}, {@code Double} or {@code String}; a null value sets a property that reads as null (and is not
     * sent, as an absent property reads the same).
     */
    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        PropertyNames.check(name);
        if (value != null && !TypeConversions.isPropertyType(value)) {
            throw new MessageFormatException("property '" + name + "' cannot hold a "
                    + value.getClass().getName() + ": property values must be Boolean, Byte, Short, Integer, Long,"
                    + " Float, Double or String");
        }
        putProperty(name, value);
    }

    private void putProperty(String name, Object value) throws JMSException {
        PropertyNames.check(name);
        properties.checkWritable();
        switch (name) {
            case PropertyNames.JMSX_DELIVERY_COUNT -> deliveryCount = value == null ? 0 : requireInt(name, value);
            case PropertyNames.JMSX_USER_ID -> userId = requireString(name, value);
            case PropertyNames.JMSX_APP_ID -> appId = requireString(name, value);
            default -> properties.put(name, value);
        }
    }

    private static int requireInt(String name, Object value) throws MessageFormatException {
        if (value instanceof Integer i) {
            return i;
        }
        throw new MessageFormatException(name + " is an int property, not " + TypeConversions.typeName(value));
    }

    private static String requireString(String name, Object value) throws MessageFormatException {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new MessageFormatException(name + " is a String property, not " + TypeConversions.typeName(value));
    }

    // ---- acknowledgement ----

    /** Acknowledges through the installed {@link Acknowledger}; does nothing for a message that was not received. */
    @Override
    public void acknowledge() throws JMSException {
        Acknowledger a = acknowledger;
        if (a != null) {
            a.acknowledge();
        }
    }

    /** Installs what {@link #acknowledge()} does; the consumer sets it on each message it hands out. */
    public void setAcknowledger(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    /** The installed acknowledger, or null. */
    public Acknowledger getAcknowledger() {
        return acknowledger;
    }

    // ---- body ----

    @Override
    public void clearBody() throws JMSException {
        bodyReadOnly = false;
        clearBodyContent();
    }

    /** A plain message has no body: null whatever the type. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return null;
    }

    /** A plain message has no body, so any type will do. */
    @Override
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) throws JMSException {
        return true;
    }

    /** Removes the body content; the body is already writable when this runs. */
    void clearBodyContent() {
    }

    /** The broker content type naming this message's body type. */
    String contentType() {
        return ContentTypes.MESSAGE;
    }

    /** The body as the broker carries it; never modified afterwards by this message. */
    byte[] bodyForSend() throws JMSException {
        return EMPTY;
    }

    /** Installs a received body (not yet decoded); the caller then makes the body read-only. */
    void receiveBody(byte[] body) {
    }

    final boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    final void setBodyReadOnly(boolean readOnly) {
        this.bodyReadOnly = readOnly;
    }

    final void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("the body of this " + kind()
                    + " is read-only: call clearBody() before writing to it");
        }
    }

    final String kind() {
        return getClass().getSimpleName().replace("Warren", "");
    }

    /** Whether a body of {@code bodyType} can be assigned to {@code c}. */
    static boolean accepts(Class<?> c, Class<?> bodyType) {
        return c != null && c.isAssignableFrom(bodyType);
    }

    static MessageFormatException notAssignable(String body, Class<?> c) {
        return new MessageFormatException("the body (" + body + ") cannot be assigned to "
                + (c == null ? "null" : c.getName()));
    }

    // ---- provider access (same package) ----

    String userId() {
        return userId;
    }

    void setUserId(String userId) {
        this.userId = userId;
    }

    String appId() {
        return appId;
    }

    void setAppId(String appId) {
        this.appId = appId;
    }

    int deliveryCount() {
        return deliveryCount;
    }

    Map<String, Object> propertyMap() {
        return properties.asMap();
    }

    void adoptProperties(MessageProperties received) {
        this.properties = received;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination
                + ", correlationId=" + correlationId + ", redelivered=" + redelivered + ", properties="
                + properties.asMap() + "]";
    }
}
