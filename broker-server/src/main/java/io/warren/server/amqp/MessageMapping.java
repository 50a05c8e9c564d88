package io.warren.server.amqp;

import io.warren.message.Message;
import io.warren.message.WireHeaders;
import io.warren.server.amqp.codec.BasicProperties;
import io.warren.server.amqp.codec.ReplyCodes;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps AMQP basic properties onto the engine's {@link Message} and back. Every property has a home in the
 * message: persistence from {@code delivery-mode} 2, {@code expiration} (a TTL in milliseconds, relative) as
 * an absolute expiry time, {@code timestamp} (seconds) as epoch milliseconds, the headers table as the
 * message's headers (JMS properties). A message without {@code priority} has priority 0, as RabbitMQ queues
 * it; one delivered with an expiry carries the TTL it has left.
 *
 * <p>What AMQP properties cannot say exactly travels in headers, which the server moves into the message's
 * fields on publish and back on delivery, so that JMS clients see their own values and plain clients see an
 * ordinary header:
 * <ul>
 *   <li>{@value #TIMESTAMP} (long, epoch ms): the timestamp to the millisecond; sent when it has a fraction of a
 *       second, which the {@code timestamp} property (seconds) drops;</li>
 *   <li>{@value #EXPIRATION} (long, epoch ms): the absolute expiry time, which wins over {@code expiration}
 *       when both are given; sent with every message that expires;</li>
 *   <li>{@value #DELIVERY_TIME} (long, epoch ms): the message is not delivered before then (JMS delivery
 *       delay); sent when it differs from the timestamp;</li>
 *   <li>{@value #DELIVERY_COUNT} (long, on delivery only): how many times the message was delivered before,
 *       as RabbitMQ's quorum queues say it; absent on a first delivery.</li>
 * </ul>
 */
public final class MessageMapping {
    private static final int PERSISTENT = 2;
    private static final int NON_PERSISTENT = 1;
    private static final String TIMESTAMP = WireHeaders.TIMESTAMP;
    private static final String EXPIRATION = WireHeaders.EXPIRATION;
    private static final String DELIVERY_TIME = WireHeaders.DELIVERY_TIME;
    private static final String DELIVERY_COUNT = WireHeaders.DELIVERY_COUNT;

    private MessageMapping() {
    }

    /**
     * Builds the engine message for a publish.
     *
     * @param now the publish time, from which the {@code expiration} TTL counts
     * @throws AmqpException 406 when {@code expiration} is not a non-negative integer
     */
    public static Message toMessage(BasicProperties p, byte[] body, long now) {
        return toBuilder(p, body, now).build();
    }

    /** As {@link #toMessage}, leaving the builder open for routing data the caller adds. */
    public static Message.Builder toBuilder(BasicProperties p, byte[] body, long now) {
        Message.Builder b = Message.builder().body(body);
        if (p == null) {
            return b.priority(0);
        }
        b.contentType(p.contentType()).contentEncoding(p.contentEncoding())
                .persistent(p.deliveryMode() != null && p.deliveryMode() == PERSISTENT)
                .priority(p.priority() == null ? 0 : Math.min(p.priority(), Message.MAX_PRIORITY))
                .correlationId(p.correlationId()).replyTo(p.replyTo()).messageId(p.messageId())
                .type(p.type()).userId(p.userId()).appId(p.appId()).clusterId(p.clusterId());
        if (p.timestamp() != null) {
            b.timestamp(p.timestamp().getTime());
        }
        if (p.expiration() != null) {
            b.expiration(now + parseTtl(p.expiration()));
        }
        Map<String, Object> headers = p.headers();
        if (headers != null && !headers.isEmpty()) {
            if (headers.containsKey(TIMESTAMP) || headers.containsKey(EXPIRATION)
                    || headers.containsKey(DELIVERY_TIME)) {
                headers = new LinkedHashMap<>(headers);
                Long timestamp = epochMillis(headers.remove(TIMESTAMP), TIMESTAMP);
                Long expiration = epochMillis(headers.remove(EXPIRATION), EXPIRATION);
                Long deliveryTime = epochMillis(headers.remove(DELIVERY_TIME), DELIVERY_TIME);
                if (timestamp != null) {
                    b.timestamp(timestamp);
                }
                if (expiration != null) {
                    b.expiration(expiration);
                }
                if (deliveryTime != null) {
                    b.deliveryTime(deliveryTime);
                }
            }
            b.headersWithNulls(headers);
        }
        return b;
    }

    private static Long epochMillis(Object value, String header) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && !(value instanceof Float) && !(value instanceof Double)
                && !(value instanceof java.math.BigDecimal) && n.longValue() >= 0) {
            return n.longValue();
        }
        if (value instanceof Date d) {
            return d.getTime();
        }
        throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, "invalid header '" + header + "': expected"
                + " a non-negative integer (epoch milliseconds), was " + value);
    }

    private static long parseTtl(String expiration) {
        try {
            long ttl = Long.parseLong(expiration);
            if (ttl >= 0) {
                return ttl;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AmqpException.channel(ReplyCodes.PRECONDITION_FAILED, "invalid expiration '" + expiration
                + "': a message TTL is a non-negative number of milliseconds");
    }

    /** The basic properties a consumer receives for a first delivery; {@code now} turns expiry back into a TTL. */
    public static BasicProperties toProperties(Message m, long now) {
        return toProperties(m, now, 1);
    }

    /**
     * The basic properties a consumer receives for a message; {@code now} turns expiry back into a TTL.
     *
     * @param deliveryCount deliveries so far, this one included
     */
    public static BasicProperties toProperties(Message m, long now, int deliveryCount) {
        String expiration = null;
        if (m.expiration() != 0) {
            expiration = Long.toString(Math.max(0, m.expiration() - now));
        }
        Map<String, Object> headers = WireHeaders.outgoing(m, deliveryCount);
        return new BasicProperties(m.contentType(), m.contentEncoding(), headers,
                m.persistent() ? PERSISTENT : NON_PERSISTENT, m.priority(), m.correlationId(), m.replyTo(),
                expiration, m.messageId(), m.timestamp() == 0 ? null : new Date(m.timestamp() / 1000 * 1000),
                m.type(), m.userId(), m.appId(), m.clusterId());
    }
}
