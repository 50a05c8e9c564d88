package io.warren.server.management.api;

import io.warren.broker.Delivery;
import io.warren.message.Message;
import io.warren.server.amqp.MessageMapping;
import java.util.Map;

/**
 * A message as {@code POST /api/queues/{vhost}/{name}/get} returns it: size, routing, the AMQP properties an
 * AMQP consumer would see (see {@link MessageProperties}), and the body as a string or in base64 (see {@link
 * Payloads}). Immutable.
 *
 * @param payloadBytes    the whole body's size, also when the payload is truncated
 * @param redelivered     whether it was delivered before
 * @param exchange        the exchange it was published to, {@code ""} for the default exchange
 * @param routingKey      the routing key it was published with
 * @param messageCount    messages left ready in the queue after this one was taken
 * @param properties      its properties
 * @param payload         the body, perhaps truncated
 * @param payloadEncoding {@code string} or {@code base64}
 */
record MessageView(long payloadBytes, boolean redelivered, String exchange, String routingKey, long messageCount,
                   Map<String, Object> properties, String payload, String payloadEncoding) {

    /** The view of {@code d}, with the body encoded as {@link Payloads#encode} says. */
    static MessageView of(Delivery d, long messageCount, boolean text, long truncate, long now) {
        Message m = d.message();
        Payloads.Encoded body = Payloads.encode(m.body(), text, truncate);
        return new MessageView(m.bodySize(), d.redelivered(), m.exchange(), m.routingKey(), messageCount,
                MessageProperties.write(MessageMapping.toProperties(m, now, d.deliveryCount())), body.payload(),
                body.encoding());
    }
}
