package io.warren.jms.transport;

/** Receives what a broker pushes to one consumer. Called on a transport thread: must not block. */
public interface ConsumerListener {
    void onDelivery(Delivery delivery);

    /** The broker ended the consumer (its queue was deleted, say); nothing more arrives. */
    void onCancel(String reason);
}
