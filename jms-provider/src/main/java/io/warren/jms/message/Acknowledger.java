package io.warren.jms.message;

import jakarta.jms.JMSException;

/**
 * What {@link jakarta.jms.Message#acknowledge()} does for a received message. The consumer that hands a message to
 * the application installs one with {@link WarrenMessage#setAcknowledger(Acknowledger)}; a message that was never
 * received has none, and acknowledging it does nothing.
 */
@FunctionalInterface
public interface Acknowledger {

    /** Acknowledges the messages of the session the message was delivered to. */
    void acknowledge() throws JMSException;
}
