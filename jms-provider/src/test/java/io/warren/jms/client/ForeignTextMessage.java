package io.warren.jms.client;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A TextMessage of "another provider": a plain implementation of the interface, nothing of Warren's. */
final class ForeignTextMessage implements TextMessage {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private String text;
    private String messageId;
    private long timestamp;
    private String correlationId;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority;

    ForeignTextMessage(String text) {
        this.text = text;
    }

    @Override
    public void setText(String string) {
        text = string;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return correlationId == null ? null : correlationId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        correlationId = new String(correlationID, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        correlationId = correlationID;
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

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.containsKey(name);
    }

    private <T> T typed(String name, Class<T> type) throws JMSException {
        Object v = properties.get(name);
        if (v != null && !type.isInstance(v)) {
            throw new MessageFormatException(name + " is not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return Boolean.TRUE.equals(typed(name, Boolean.class));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return typed(name, Byte.class);
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return typed(name, Short.class);
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return typed(name, Integer.class);
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return typed(name, Long.class);
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return typed(name, Float.class);
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return typed(name, Double.class);
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        Object v = properties.get(name);
        return v == null ? null : v.toString();
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<?> getPropertyNames() {
        return Collections.enumeration(properties.keySet());
    }

    @Override
    public void setBooleanProperty(String name, boolean value) {
        properties.put(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) {
        properties.put(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) {
        properties.put(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) {
        properties.put(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) {
        properties.put(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) {
        properties.put(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) {
        properties.put(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) {
        properties.put(name, value);
    }

    @Override
    public void setObjectProperty(String name, Object value) {
        properties.put(name, value);
    }

    @Override
    public void acknowledge() {
    }

    @Override
    public void clearBody() {
        text = null;
    }

    @Override
    public <T> T getBody(Class<T> c) {
        return c.cast(text);
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean isBodyAssignableTo(@SuppressWarnings("rawtypes") Class c) {
        return c.isAssignableFrom(String.class);
    }
}
