package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import jakarta.jms.JMSException;

/**
 * AUTO_ACKNOWLEDGE: each message is acknowledged as soon as {@code receive} returns it or its listener ends. A
 * {@code recover()} inside the listener takes the message back instead (it is redelivered).
 */
final class AutoAcknowledgement extends InFlightAcknowledgement {
    AutoAcknowledgement(BrokerChannel channel) {
        super(channel);
    }

    @Override
    void completed(Delivery d) throws JMSException {
        if (leaveFlight(d)) {
            channel.ack(d.tag());
        }
    }
}
