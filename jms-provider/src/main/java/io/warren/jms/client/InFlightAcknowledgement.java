package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the modes in which the session acknowledges by itself (AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE): it keeps
 * the tags of the messages handed to the application whose {@code receive} or listener has not completed yet.
 * Those are what {@code Session.recover()} called inside a listener returns (6.2.10: the message being processed
 * is redelivered), and a message taken back so is not acknowledged when its listener ends. A session runs one
 * listener or receive at a time, so this holds one tag almost always.
 */
abstract class InFlightAcknowledgement extends Acknowledgement {
    private final List<Long> inFlight = new ArrayList<>(2);

    InFlightAcknowledgement(BrokerChannel channel) {
        super(channel);
    }

    @Override
    final void handedOut(Delivery d) {
        if (d.cameOn(channel)) {
            synchronized (inFlight) {
                inFlight.add(d.tag());
            }
        }
    }

    /**
     * Whether {@code d} is still this acknowledgement's to settle, and now no longer in flight: false when it came
     * before a fail-over (the broker gives it again) or a recover inside its listener took it back.
     */
    final boolean leaveFlight(Delivery d) {
        if (!d.cameOn(channel)) {
            return false;
        }
        synchronized (inFlight) {
            return inFlight.remove(Long.valueOf(d.tag()));
        }
    }

    @Override
    final boolean forget(Delivery d) {
        return leaveFlight(d);
    }

    @Override
    final List<Long> takePending() {
        synchronized (inFlight) {
            if (inFlight.isEmpty()) {
                return List.of();
            }
            List<Long> taken = new ArrayList<>(inFlight);
            inFlight.clear();
            return taken;
        }
    }
}
