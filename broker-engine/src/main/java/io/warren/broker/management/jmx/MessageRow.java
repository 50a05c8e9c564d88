package io.warren.broker.management.jmx;

import io.warren.message.Message;
import java.util.Map;
import javax.management.ConstructorParameters;

/**
 * One message of {@link QueueMXBean#listMessages}, with its JMS-style headers, a preview of the body and its
 * properties; JMX clients see {@code CompositeData} with items named after the components. Absent string
 * headers are {@code ""}, absent times 0. A queue's browse does not report delivery counts, so there are none
 * here. The getters are what JMX reads; the record accessors serve Java callers.
 *
 * @param timestamp   when it was sent, epoch milliseconds
 * @param expiration  when it expires, epoch milliseconds
 * @param exchange    the exchange it was published to ({@code ""} is the default exchange)
 * @param routingKey  the key it was published with (for the default exchange, the queue's name)
 * @param bodySize    the body's length in bytes
 * @param bodyPreview the start of the body as UTF-8 text, or as hex when it is not text (see {@link BodyPreview})
 * @param properties  the application properties (headers) as text
 */
public record MessageRow(String messageId, String correlationId, String type, String replyTo, String contentType,
                         int priority, long timestamp, long expiration, boolean persistent, String exchange,
                         String routingKey, int bodySize, String bodyPreview, Map<String, String> properties) {

    @ConstructorParameters({"messageId", "correlationId", "type", "replyTo", "contentType", "priority", "timestamp",
        "expiration", "persistent", "exchange", "routingKey", "bodySize", "bodyPreview", "properties"})
    public MessageRow {
        properties = Map.copyOf(properties);
    }

    static MessageRow of(Message m) {
        return new MessageRow(orEmpty(m.messageId()), orEmpty(m.correlationId()), orEmpty(m.type()),
                orEmpty(m.replyTo()), orEmpty(m.contentType()), m.priority(), m.timestamp(), m.expiration(),
                m.persistent(), orEmpty(m.exchange()), orEmpty(m.routingKey()), m.bodySize(), BodyPreview.of(m.body()),
                OpenValues.texts(m.headers()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public String getType() {
        return type;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getContentType() {
        return contentType;
    }

    public int getPriority() {
        return priority;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public long getExpiration() {
        return expiration;
    }

    public boolean isPersistent() {
        return persistent;
    }

    public String getExchange() {
        return exchange;
    }

    public String getRoutingKey() {
        return routingKey;
    }

    public int getBodySize() {
        return bodySize;
    }

    public String getBodyPreview() {
        return bodyPreview;
    }

    public Map<String, String> getProperties() {
        return properties;
    }
}
