package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import jakarta.jms.JMSException;

/** AUTO_ACKNOWLEDGE: each message is acknowledged as soon as {@code receive} returns it or its listener ends. */
final class AutoAcknowledgement extends Acknowledgement {
    AutoAcknowledgement(BrokerChannel channel) {
        super(channel);
    }

    @Override
    void completed(Delivery d) throws JMSException {
        if (!d.cameOn(channel)) {
            return; // came before a fail-over: the broker gives it again
        }
        channel.ack(d.tag());
    }
}
