package io.warren.server.amqp;

import io.warren.message.Message;
import io.warren.server.amqp.codec.BasicProperties;
import io.warren.server.amqp.codec.ReplyCodes;
import java.util.Date;
import java.util.Map;

/**
 * Maps AMQP basic properties onto the engine's {@link Message} and back. Every property has a home in the
 * message: persistence from {@code delivery-mode} 2, {@code expiration} (a TTL in milliseconds, relative) as
 * an absolute expiry time, {@code timestamp} (seconds) as epoch milliseconds, the headers table as the
 * message's headers (JMS properties). A message without {@code priority} has priority 0, as RabbitMQ queues
 * it; one delivered with an expiry carries the TTL it has left.
 */
public final class MessageMapping {
    private static final int PERSISTENT = 2;
    private static final int NON_PERSISTENT = 1;

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
        if (p.headers() != null && !p.headers().isEmpty()) {
            b.headersWithNulls(p.headers());
        }
        return b;
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

    /** The basic properties a consumer receives for a message; {@code now} turns expiry back into a TTL. */
    public static BasicProperties toProperties(Message m, long now) {
        String expiration = null;
        if (m.expiration() != 0) {
            expiration = Long.toString(Math.max(0, m.expiration() - now));
        }
        Map<String, Object> headers = m.headers().isEmpty() ? null : m.headers();
        return new BasicProperties(m.contentType(), m.contentEncoding(), headers,
                m.persistent() ? PERSISTENT : NON_PERSISTENT, m.priority(), m.correlationId(), m.replyTo(),
                expiration, m.messageId(), m.timestamp() == 0 ? null : new Date(m.timestamp() / 1000 * 1000),
                m.type(), m.userId(), m.appId(), m.clusterId());
    }
}
