package io.warren.jms.message;

import io.warren.jms.destination.WarrenDestination;
import io.warren.jms.destination.WarrenQueue;
import io.warren.jms.destination.WarrenTemporaryQueue;
import io.warren.jms.destination.WarrenTemporaryTopic;
import io.warren.jms.destination.WarrenTopic;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

/** Destinations as the broker message carries them: where it was published, and the reply-to URI. */
final class Destinations {
    private Destinations() {
    }

    /** The JMS destination a message published to {@code exchange} with {@code routingKey} was sent to. */
    static Destination published(String exchange, String routingKey) {
        try {
            if (exchange.isEmpty()) {
                return routingKey.startsWith(MessageMapper.TEMP_QUEUE_PREFIX)
                        ? new WarrenTemporaryQueue(routingKey, null) : new WarrenQueue(routingKey);
            }
            if (exchange.equals(WarrenTopic.TOPIC_EXCHANGE)) {
                return routingKey.startsWith(MessageMapper.TEMP_TOPIC_PREFIX)
                        ? new WarrenTemporaryTopic(routingKey, null) : new WarrenTopic(routingKey);
            }
            return new WarrenTopic("exchange:" + exchange + (routingKey.isEmpty() ? "" : "/" + routingKey));
        } catch (IllegalArgumentException unaddressable) {
            // A routing key that does not fit an exchange address (it contains '?'): no JMS name for it.
            return null;
        }
    }

    /** The URI form of a reply-to destination; a foreign queue or topic by its name, anything else null. */
    static String toUri(Destination d) throws JMSException {
        if (d == null) {
            return null;
        }
        if (d instanceof WarrenDestination w) {
            return w.toUri();
        }
        if (d instanceof Queue q) {
            return "queue://" + q.getQueueName();
        }
        if (d instanceof Topic t) {
            return "topic://" + t.getTopicName();
        }
        return null;
    }

    /** The reply-to destination of a URI, or null when there is none or it cannot be parsed. */
    static Destination fromUri(String uri) {
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        try {
            return WarrenDestination.fromUri(uri);
        } catch (InvalidDestinationException | IllegalArgumentException unparsable) {
            return null;
        }
    }
}
