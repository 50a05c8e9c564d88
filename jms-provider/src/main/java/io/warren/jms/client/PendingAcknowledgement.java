package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT_ACKNOWLEDGE and SESSION_TRANSACTED: messages handed out wait for {@code acknowledge()} or
 * {@code commit()}, which take them all at once; they stop counting against the prefetch once handed out.
 */
final class PendingAcknowledgement extends Acknowledgement {
    private final List<Long> pending = new ArrayList<>();

    PendingAcknowledgement(BrokerChannel channel) {
        super(channel);
    }

    @Override
    void handedOut(Delivery d) throws JMSException {
        if (!d.cameOn(channel)) {
            return; // came before a fail-over: the broker gives it again
        }
        synchronized (pending) {
            pending.add(d.tag());
        }
        channel.handedOut(List.of(d.tag()));
    }

    @Override
    List<Long> takePending() {
        synchronized (pending) {
            List<Long> tags = new ArrayList<>(pending);
            pending.clear();
            return tags;
        }
    }
}
