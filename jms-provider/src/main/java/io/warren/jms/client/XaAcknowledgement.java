package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;

/**
 * An XA session's acknowledgement. Outside a global transaction it acknowledges as AUTO_ACKNOWLEDGE does; once
 * the session's XAResource is started, every message handed out and not yet acknowledged — including one handed
 * to a listener just before the start, as a message-driven bean's container enlists the resource inside the
 * delivery — is acknowledged into the branch when the association ends, so the branch's rollback redelivers it.
 */
final class XaAcknowledgement extends Acknowledgement {
    /** Handed out and not yet acknowledged. */
    private final List<Long> pending = new ArrayList<>();
    private boolean enlisted;

    XaAcknowledgement(BrokerChannel channel) throws JMSException {
        super(channel);
        channel.trackHandOut();
    }

    @Override
    void handedOut(Delivery d) throws JMSException {
        if (!d.cameOn(channel)) {
            return; // came before a fail-over: the broker gives it again
        }
        synchronized (this) {
            pending.add(d.tag());
        }
        channel.handedOut(List.of(d.tag()));
    }

    @Override
    void completed(Delivery d) throws JMSException {
        synchronized (this) {
            if (enlisted || !pending.remove(d.tag())) {
                return; // the branch acknowledges it, or did already
            }
        }
        channel.ack(d.tag());
    }

    /** The session's resource started a branch: what is handed out from now on, and is pending, joins it. */
    synchronized void enlist() {
        enlisted = true;
    }

    /** The association ends: the tags to acknowledge into the branch before it does. */
    synchronized List<Long> delist() {
        enlisted = false;
        return takePendingLocked();
    }

    synchronized boolean isEnlisted() {
        return enlisted;
    }

    @Override
    synchronized List<Long> takePending() {
        return takePendingLocked();
    }

    private List<Long> takePendingLocked() {
        List<Long> tags = new ArrayList<>(pending);
        pending.clear();
        return tags;
    }
}
