package io.warren.broker.store;

import io.warren.broker.tx.TransactionId;
import io.warren.message.Message;
import java.util.List;

/**
 * One change to durable state. A {@link StoreBatch} of operations is applied atomically: after a crash
 * either all of a batch is recovered or none of it.
 */
public sealed interface StoreOperation {

    record ExchangeCreated(ExchangeRecord exchange) implements StoreOperation {
    }

    record ExchangeDeleted(String virtualHost, String name) implements StoreOperation {
    }

    record QueueCreated(QueueRecord queue) implements StoreOperation {
    }

    /** Deleting a queue also drops every message reference it held. */
    record QueueDeleted(String virtualHost, String name) implements StoreOperation {
    }

    record BindingCreated(BindingRecord binding) implements StoreOperation {
    }

    record BindingDeleted(BindingRecord binding) implements StoreOperation {
    }

    /**
     * A persistent message body, stored once however many queues hold it. {@code messageId} is the broker's
     * internal store id (monotonic), not the JMS message id.
     */
    record MessageStored(long messageId, Message message) implements StoreOperation {
    }

    /**
     * A queue now holds the stored message; recovery restores queue order by {@code messageId}, and the queue's
     * TTL counts from {@code enqueuedAt} (epoch ms).
     */
    record MessageEnqueued(String virtualHost, String queue, long messageId, long enqueuedAt)
            implements StoreOperation {
        /** Enqueued now. */
        public MessageEnqueued(String virtualHost, String queue, long messageId) {
            this(virtualHost, queue, messageId, System.currentTimeMillis());
        }
    }

    /** The queue no longer holds the message (acknowledged, expired, dead-lettered, purged). */
    record MessageDequeued(String virtualHost, String queue, long messageId) implements StoreOperation {
    }

    /** The message was delivered {@code deliveryCount} times from this queue and returned to it. */
    record DeliveryCountUpdated(String virtualHost, String queue, long messageId, int deliveryCount)
            implements StoreOperation {
    }

    /**
     * An XA branch was prepared: its persistent publishes (routed when it commits) and the stored messages it
     * acknowledges, which stay in their queues, held for the branch, until it commits or rolls back.
     */
    record TransactionPrepared(String virtualHost, TransactionId xid, List<Message> publishes, List<Ack> acks)
            implements StoreOperation {
        public TransactionPrepared {
            publishes = List.copyOf(publishes);
            acks = List.copyOf(acks);
        }

        /** A stored message the branch acknowledges from a queue. */
        public record Ack(String queue, long messageId) {
        }
    }

    /** A prepared branch was committed or rolled back: it is no longer in doubt. */
    record TransactionEnded(String virtualHost, TransactionId xid) implements StoreOperation {
    }
}
