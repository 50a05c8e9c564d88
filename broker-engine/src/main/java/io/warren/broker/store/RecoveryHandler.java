package io.warren.broker.store;

import io.warren.message.Message;

/**
 * Receives the durable state a store holds when it opens: first every exchange, then every queue, then every
 * binding, then each queue's messages in ascending store id order, then the XA branches that were prepared and
 * neither committed nor rolled back.
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

    /**
     * A message held by {@code queue} whose content the store did not read while recovering: the queue keeps the
     * summary and reads the content with {@link Store#read(long)} when it needs it. A store recovering a large
     * journal from its index calls this instead of {@link #message(String, String, long, Message, int, long)},
     * so that start-up time grows with the number of messages, not their bytes.
     */
    void message(String virtualHost, String queue, MessageSummary summary, int deliveryCount, long enqueuedAt);

    /**
     * An XA branch in doubt: prepared before the broker stopped, and neither committed nor rolled back. The
     * messages it acknowledges were replayed with their queues before.
     */
    default void preparedTransaction(StoreOperation.TransactionPrepared transaction) {
    }
}
