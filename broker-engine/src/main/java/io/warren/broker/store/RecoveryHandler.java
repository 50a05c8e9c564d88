package io.warren.broker.store;

import io.warren.message.Message;

/**
 * Receives the durable state a store holds when it opens: first every exchange, then every queue, then every
 * binding, then each queue's messages in ascending store id order.
 */
public interface RecoveryHandler {
    void exchange(ExchangeRecord exchange);

    void queue(QueueRecord queue);

    void binding(BindingRecord binding);

    /** A message held by {@code queue}; {@code deliveryCount} is how often it was delivered and returned. */
    void message(String virtualHost, String queue, long messageId, Message message, int deliveryCount);

    /** As {@link #message(String, String, long, Message, int)}, with when the queue received it (epoch ms). */
    default void message(String virtualHost, String queue, long messageId, Message message, int deliveryCount,
                         long enqueuedAt) {
        message(virtualHost, queue, messageId, message, deliveryCount);
    }
}
