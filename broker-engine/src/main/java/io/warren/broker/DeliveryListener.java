package io.warren.broker;

/**
 * Receives the messages a queue pushes to a consumer. {@link #onDelivery} runs on the thread that made the
 * message available (a publisher, an acknowledger, a timer) while the queue is locked: it must hand the
 * delivery on (to a buffer, an executor) without blocking and without calling back into the channel.
 */
public interface DeliveryListener {
    void onDelivery(Delivery delivery);

    /** The broker cancelled the consumer, e.g. because its queue was deleted. */
    default void onCancel(String consumerTag) {
    }
}
