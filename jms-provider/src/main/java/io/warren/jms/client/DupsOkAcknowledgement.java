package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;

/**
 * DUPS_OK_ACKNOWLEDGE: completed messages are acknowledged in batches, and whenever a consumer runs dry; a
 * crash may deliver the last batch again, which this mode allows. A {@code recover()} inside a listener takes
 * the message being processed back (it is redelivered), after acknowledging the completed ones.
 */
final class DupsOkAcknowledgement extends InFlightAcknowledgement {
    private static final int BATCH = 64;

    private final List<Long> pending = new ArrayList<>();

    DupsOkAcknowledgement(BrokerChannel channel) {
        super(channel);
    }

    @Override
    void completed(Delivery d) throws JMSException {
        if (!leaveFlight(d)) {
            return;
        }
        List<Long> batch = null;
        synchronized (pending) {
            pending.add(d.tag());
            if (pending.size() >= BATCH) {
                batch = new ArrayList<>(pending);
                pending.clear();
            }
        }
        if (batch != null) {
            channel.ack(batch);
        }
    }

    @Override
    void flushLazy() throws JMSException {
        List<Long> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        channel.ack(batch);
    }
}
