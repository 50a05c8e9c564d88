package io.warren.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that carry over AMQP 0-9-1 what its basic properties cannot say exactly: the timestamp to the
 * millisecond (the {@code timestamp} property has seconds), the absolute expiry ({@code expiration} is a TTL),
 * the delivery time (a JMS delivery delay) and, on a redelivery, the count of earlier deliveries. The server
 * writes them on delivery and reads them on publish; Warren's AMQP JMS client does the same the other way.
 */
public final class WireHeaders {
    /** The timestamp in epoch milliseconds, sent when it has a fraction of a second. */
    public static final String TIMESTAMP = "JMSTimestamp";
    /** The absolute expiry time in epoch milliseconds, sent with every message that expires. */
    public static final String EXPIRATION = "JMSExpiration";
    /** The earliest delivery time in epoch milliseconds, sent when it differs from the timestamp. */
    public static final String DELIVERY_TIME = "JMSDeliveryTime";
    /** Earlier deliveries (as RabbitMQ's quorum queues say it), on a redelivery only. */
    public static final String DELIVERY_COUNT = "x-delivery-count";

    private WireHeaders() {
    }

    /**
     * The message's headers with those that say its times exactly (and, above 1, its delivery count); the
     * message's own map when nothing needs adding, null when that is empty. Never changes the message.
     *
     * @param deliveryCount deliveries so far, this one included; 1 on a publish
     */
    public static Map<String, Object> outgoing(Message m, int deliveryCount) {
        boolean exactTimestamp = m.timestamp() % 1000 != 0;
        boolean delayed = m.deliveryTime() != 0 && m.deliveryTime() != m.timestamp();
        if (!exactTimestamp && m.expiration() == 0 && !delayed && deliveryCount <= 1) {
            return m.headers().isEmpty() ? null : m.headers();
        }
        Map<String, Object> headers = new LinkedHashMap<>(m.headers());
        if (exactTimestamp) {
            headers.put(TIMESTAMP, m.timestamp());
        }
        if (m.expiration() != 0) {
            headers.put(EXPIRATION, m.expiration());
        }
        if (delayed) {
            headers.put(DELIVERY_TIME, m.deliveryTime());
        }
        if (deliveryCount > 1) {
            headers.put(DELIVERY_COUNT, (long) deliveryCount - 1);
        }
        return headers;
    }
}
