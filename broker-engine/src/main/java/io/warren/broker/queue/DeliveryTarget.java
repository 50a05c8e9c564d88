package io.warren.broker.queue;

/**
 * Receives the entries a queue hands to one of its consumers. Called with the queue's lock held: the
 * implementation must record the delivery and hand it on without blocking or calling back into the queue.
 */
public interface DeliveryTarget {
    void deliver(MessageQueue queue, QueueEntry entry, QueueConsumer consumer);

    /** The queue cancelled the consumer (queue deleted). Called without the queue's lock. */
    void cancelled(QueueConsumer consumer);
}
