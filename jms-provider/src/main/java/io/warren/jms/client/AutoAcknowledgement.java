package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import jakarta.jms.JMSException;
import java.util.List;

/**
 * AUTO_ACKNOWLEDGE: each message is acknowledged as soon as {@code receive} returns it or its listener ends. A
 * {@code recover()} inside the listener takes the message back instead (JMS 6.2.11: it is redelivered).
 */
final class AutoAcknowledgement extends Acknowledgement {
    private final InFlightTags inFlight = new InFlightTags();

    AutoAcknowledgement(BrokerChannel channel) {
        super(channel);
    }

    @Override
    void handedOut(Delivery d) {
        if (d.cameOn(channel)) {
            inFlight.add(d.tag());
        }
    }

    @Override
    void completed(Delivery d) throws JMSException {
        if (!d.cameOn(channel)) {
            return; // came before a fail-over: the broker gives it again
        }
        if (inFlight.remove(d.tag())) {
            channel.ack(d.tag());
        }
    }

    @Override
    boolean forget(Delivery d) {
        return d.cameOn(channel) && inFlight.remove(d.tag());
    }

    @Override
    List<Long> takePending() {
        return inFlight.takeAll();
    }
}
