package io.warren.jms.client;

import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.message.WarrenMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The simplified API's producer: fluent options and message properties applied to every message it sends.
 * Properties are held in a message object so they follow exactly the conversion rules of message properties.
 */
public class WarrenJMSProducer implements JMSProducer {
    private final WarrenJMSContext context;
    private final WarrenSession session;
    private final WarrenMessageProducer producer;
    private final WarrenMessage properties = new WarrenMessage();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive;
    private long deliveryDelay;
    private boolean disableMessageId;
    private boolean disableTimestamp;
    private CompletionListener completionListener;
    private String correlationId;
    private byte[] correlationIdBytes;
    private String type;
    private Destination replyTo;

    WarrenJMSProducer(WarrenJMSContext context, WarrenSession session) {
        this.context = context;
        this.session = session;
        this.producer = new WarrenMessageProducer(session, null);
    }

    // ---- send ------------------------------------------------------------------------------------------

    @Override
    public JMSProducer send(Destination destination, Message message) {
        if (message == null) {
            throw new MessageFormatRuntimeException("message must not be null");
        }
        WarrenJMSContext.run(() -> {
            applyTo(message);
            sendTo(destination, message);
        });
        return this;
    }

    private void sendTo(Destination destination, Message message) throws JMSException {
        session.checkOpen();
        if (destination == null) {
            throw new jakarta.jms.InvalidDestinationException("destination must not be null");
        }
        WarrenDestination d = WarrenSession.resolve(destination);
        session.prepareForSend(d);
        producer.setDisableMessageID(disableMessageId);
        producer.setDisableMessageTimestamp(disableTimestamp);
        producer.setDeliveryDelay(deliveryDelay);
        producer.doSend(d, message, deliveryMode, priority, timeToLive, completionListener);
    }

    private void applyTo(Message message) throws JMSException {
        for (String name : Collections.list(properties.getPropertyNames())) {
            message.setObjectProperty(name, properties.getObjectProperty(name));
        }
        if (correlationIdBytes != null) {
            message.setJMSCorrelationIDAsBytes(correlationIdBytes);
        } else if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        if (type != null) {
            message.setJMSType(type);
        }
        if (replyTo != null) {
            message.setJMSReplyTo(replyTo);
        }
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        return send(destination, context.createTextMessage(body));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        MapMessage m = context.createMapMessage();
        if (body != null) {
            WarrenJMSContext.run(() -> {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    m.setObject(e.getKey(), e.getValue());
                }
            });
        }
        return send(destination, m);
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        BytesMessage m = context.createBytesMessage();
        if (body != null) {
            WarrenJMSContext.run(() -> m.writeBytes(body));
        }
        return send(destination, m);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        return send(destination, context.createObjectMessage(body));
    }

    // ---- options ---------------------------------------------------------------------------------------

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        disableMessageId = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageId;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        disableTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(int deliveryMode) {
        WarrenJMSContext.run(() -> WarrenMessageProducer.checkDeliveryMode(deliveryMode));
        this.deliveryMode = deliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int priority) {
        WarrenJMSContext.run(() -> WarrenMessageProducer.checkPriority(priority));
        this.priority = priority;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long deliveryDelay) {
        this.deliveryDelay = deliveryDelay;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    @Override
    public JMSProducer setAsync(CompletionListener completionListener) {
        this.completionListener = completionListener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return completionListener;
    }

    // ---- properties ------------------------------------------------------------------------------------

    private JMSProducer property(WarrenJMSContext.JmsRun set) {
        try {
            set.run();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        return property(() -> properties.setBooleanProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        return property(() -> properties.setByteProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        return property(() -> properties.setShortProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        return property(() -> properties.setIntProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        return property(() -> properties.setLongProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        return property(() -> properties.setFloatProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        return property(() -> properties.setDoubleProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        return property(() -> properties.setStringProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        return property(() -> properties.setObjectProperty(name, value));
    }

    @Override
    public JMSProducer clearProperties() {
        return property(properties::clearProperties);
    }

    @Override
    public boolean propertyExists(String name) {
        return WarrenJMSContext.call(() -> properties.propertyExists(name));
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return WarrenJMSContext.call(() -> properties.getObjectProperty(name));
    }

    @Override
    public Set<String> getPropertyNames() {
        return WarrenJMSContext.call(() -> Collections.unmodifiableSet(
                new HashSet<>(Collections.list(properties.getPropertyNames()))));
    }

    // ---- headers ---------------------------------------------------------------------------------------

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        if (correlationID == null || correlationID.length == 0) {
            throw new JMSRuntimeException("correlation ID bytes must not be null or empty");
        }
        this.correlationIdBytes = correlationID.clone();
        this.correlationId = null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return correlationIdBytes == null ? null : correlationIdBytes.clone();
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationId;
    }

    @Override
    public JMSProducer setJMSType(String type) {
        this.type = type;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination replyTo) {
        if (replyTo != null && !(replyTo instanceof WarrenDestination) && !(replyTo instanceof jakarta.jms.Queue)
                && !(replyTo instanceof jakarta.jms.Topic)) {
            throw new InvalidDestinationRuntimeException("unsupported reply-to destination " + replyTo);
        }
        this.replyTo = replyTo;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
