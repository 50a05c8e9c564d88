package io.warren.jms.client;

import io.warren.jms.transport.BrokerChannel;
import io.warren.jms.transport.Delivery;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.List;

/**
 * How a session acknowledges the messages it hands to the application, one subclass per acknowledgement mode.
 * The session calls {@link #handedOut} when the application gets a message and {@link #completed} when
 * {@code receive} returned it or its listener finished.
 */
abstract class Acknowledgement {
    protected final BrokerChannel channel;

    Acknowledgement(BrokerChannel channel) {
        this.channel = channel;
    }

    static Acknowledgement forMode(int mode, BrokerChannel channel) throws JMSException {
        return switch (mode) {
            case Session.AUTO_ACKNOWLEDGE -> new AutoAcknowledgement(channel);
            case Session.DUPS_OK_ACKNOWLEDGE -> new DupsOkAcknowledgement(channel);
            case Session.CLIENT_ACKNOWLEDGE, Session.SESSION_TRANSACTED -> {
                channel.trackHandOut();
                yield new PendingAcknowledgement(channel);
            }
            default -> throw new JMSException("invalid acknowledge mode " + mode);
        };
    }

    /** The application got the message. */
    void handedOut(Delivery d) throws JMSException {
    }

    /** {@code receive} returned the message, or its listener finished with it. */
    void completed(Delivery d) throws JMSException {
    }

    /**
     * A listener failed on {@code d}: stop tracking it so the session can return it.
     *
     * @return false when it is no longer this acknowledgement's to return (a recover inside the listener took it)
     */
    boolean forget(Delivery d) {
        return true;
    }

    /** Acknowledges what is acknowledged lazily (DUPS_OK), so messages are not held long. */
    void flushLazy() throws JMSException {
    }

    /** Takes the tags of the messages handed out and not yet acknowledged or committed. */
    List<Long> takePending() {
        return List.of();
    }
}
