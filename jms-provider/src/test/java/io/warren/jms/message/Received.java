package io.warren.jms.message;

import io.warren.jms.transport.Delivery;
import io.warren.message.Message;
import jakarta.jms.JMSException;

/** Sends a message through the mapper and receives it back, as a consumer would see it. */
final class Received {
    private Received() {
    }

    static Message published(jakarta.jms.Message m) throws JMSException {
        return MessageMapper.toBroker(m, "", "orders", "conn-1");
    }

    static Delivery delivery(Message m, int deliveryCount) {
        return new Delivery(7, m, deliveryCount > 1, deliveryCount);
    }

    @SuppressWarnings("unchecked")
    static <T extends jakarta.jms.Message> T copyOf(T sent) throws JMSException {
        return (T) MessageMapper.fromBroker(delivery(published(sent), 1), ObjectMessagePolicy.defaults());
    }

    static WarrenMessage of(Message m) {
        return MessageMapper.fromBroker(delivery(m, 1), ObjectMessagePolicy.defaults());
    }
}
