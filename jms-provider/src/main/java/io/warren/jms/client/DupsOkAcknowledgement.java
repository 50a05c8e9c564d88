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
final class DupsOkAcknowledgement extends Acknowledgement {
    private static final int BATCH = 64;

    private final List<Long> pending = new ArrayList<>();
    private final InFlightTags inFlight = new InFlightTags();

    DupsOkAcknowledgement(BrokerChannel channel) {
        super(channel);
    }

    @Override
    void handedOut(Delivery d) {
        if (d.cameOn(channel)) {
            inFlight.add(d.tag());
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

    @Override
    void completed(Delivery d) throws JMSException {
        if (!d.cameOn(channel) || !inFlight.remove(d.tag())) {
            return; // came before a fail-over (the broker gives it again), or a recover took it back
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
