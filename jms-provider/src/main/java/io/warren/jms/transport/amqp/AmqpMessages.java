package io.warren.jms.transport.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.LongString;
import io.warren.message.Message;
import io.warren.message.WireHeaders;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the broker message the JMS classes build to AMQP basic properties and back. AMQP properties carry what
 * they can; what they cannot say exactly travels in headers that a Warren server moves into the message's
 * fields and RabbitMQ keeps as they are:
 * <ul>
 *   <li>{@value #TIMESTAMP}: JMSTimestamp in milliseconds (the {@code timestamp} property has seconds), when it
 *       has a fraction of a second;</li>
 *   <li>{@value #EXPIRATION}: JMSExpiration, absolute; {@code expiration} carries the TTL left, which is what
 *       RabbitMQ honours;</li>
 *   <li>{@value #DELIVERY_TIME}: JMSDeliveryTime, when later than the timestamp (a delivery delay);</li>
 *   <li>{@value #USER_ID}: JMSXUserID, since RabbitMQ refuses a {@code user-id} that is not the connection's;</li>
 *   <li>{@value #DELIVERY_COUNT} (received): earlier deliveries, for JMSXDeliveryCount.</li>
 * </ul>
 */
final class AmqpMessages {
    static final String TIMESTAMP = WireHeaders.TIMESTAMP;
    static final String EXPIRATION = WireHeaders.EXPIRATION;
    static final String DELIVERY_TIME = WireHeaders.DELIVERY_TIME;
    static final String USER_ID = "JMSXUserID";
    static final String DELIVERY_COUNT = WireHeaders.DELIVERY_COUNT;
    private static final int PERSISTENT = 2;
    private static final int NON_PERSISTENT = 1;

    private AmqpMessages() {
    }

    /** The properties to publish {@code m} with; {@code now} turns its expiry into a TTL. */
    static AMQP.BasicProperties toProperties(Message m, long now) {
        Map<String, Object> headers = WireHeaders.outgoing(m, 1);
        if (m.userId() != null) {
            headers = headers == null || headers == m.headers() ? new LinkedHashMap<>(m.headers()) : headers;
            headers.put(USER_ID, m.userId());
        }
        return new AMQP.BasicProperties.Builder()
                .contentType(m.contentType())
                .contentEncoding(m.contentEncoding())
                .headers(headers)
                .deliveryMode(m.persistent() ? PERSISTENT : NON_PERSISTENT)
                .priority(m.priority())
                .correlationId(m.correlationId())
                .replyTo(m.replyTo())
                .expiration(m.expiration() == 0 ? null : Long.toString(Math.max(0, m.expiration() - now)))
                .messageId(m.messageId())
                .timestamp(m.timestamp() == 0 ? null : new Date(m.timestamp()))
                .type(m.type())
                .appId(m.appId())
                .build();
    }

    /** A received message as the broker message the JMS classes read; {@code now} turns a TTL into an expiry. */
    static Message toMessage(Envelope envelope, AMQP.BasicProperties p, byte[] body, long now) {
        Message.Builder b = Message.builder().exchange(envelope.getExchange()).routingKey(envelope.getRoutingKey())
                .body(body);
        if (p == null) {
            return b.priority(0).build();
        }
        b.contentType(p.getContentType()).contentEncoding(p.getContentEncoding())
                .persistent(p.getDeliveryMode() != null && p.getDeliveryMode() == PERSISTENT)
                .priority(p.getPriority() == null ? 0 : Math.min(Math.max(p.getPriority(), 0), Message.MAX_PRIORITY))
                .correlationId(p.getCorrelationId()).replyTo(p.getReplyTo()).messageId(p.getMessageId())
                .type(p.getType()).appId(p.getAppId()).userId(p.getUserId());
        long timestamp = p.getTimestamp() == null ? 0 : p.getTimestamp().getTime();
        long expiration = 0;
        if (p.getExpiration() != null) {
            try {
                expiration = now + Long.parseLong(p.getExpiration());
            } catch (NumberFormatException ignored) {
                // not a TTL a broker would have accepted; the message does not expire
            }
        }
        long deliveryTime = 0;
        Map<String, Object> raw = p.getHeaders();
        if (raw != null && !raw.isEmpty()) {
            Map<String, Object> headers = new LinkedHashMap<>(raw.size());
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                Object v = plain(e.getValue());
                switch (e.getKey()) {
                    case TIMESTAMP -> timestamp = millis(v, timestamp);
                    case EXPIRATION -> expiration = millis(v, expiration);
                    case DELIVERY_TIME -> deliveryTime = millis(v, deliveryTime);
                    case USER_ID -> b.userId(v == null ? null : v.toString());
                    case DELIVERY_COUNT -> {
                        // read by the transport for the delivery count
                    }
                    default -> headers.put(e.getKey(), v);
                }
            }
            b.headersWithNulls(headers);
        }
        return b.timestamp(timestamp).expiration(expiration).deliveryTime(deliveryTime).build();
    }

    /** JMSXDeliveryCount of a delivery: the broker's count of earlier deliveries plus one, else from the flag. */
    static int deliveryCount(AMQP.BasicProperties p, boolean redelivered) {
        Object earlier = p == null || p.getHeaders() == null ? null : p.getHeaders().get(DELIVERY_COUNT);
        if (earlier instanceof Number n && n.longValue() >= 0 && n.longValue() < Integer.MAX_VALUE) {
            return (int) n.longValue() + 1;
        }
        return redelivered ? 2 : 1;
    }

    private static long millis(Object v, long otherwise) {
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return n.longValue();
        }
        if (v instanceof Date d) {
            return d.getTime();
        }
        return otherwise;
    }

    /** amqp-client hands strings over as {@link LongString}; the JMS classes want {@code String}. */
    private static Object plain(Object v) {
        if (v instanceof LongString s) {
            return s.toString();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(String.valueOf(e.getKey()), plain(e.getValue()));
            }
            return copy;
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(plain(o));
            }
            return copy;
        }
        return v;
    }
}
