package io.warren.broker.queue;

import io.warren.message.Message;

/**
 * One message's place in one queue: its position, whether it is available, handed to a consumer
 * (acquired, awaiting acknowledgement) or gone, and how often it has been delivered. Guarded by the
 * owning queue's lock.
 */
public final class QueueEntry {
    static final int AVAILABLE = 0;
    static final int ACQUIRED = 1;
    static final int REMOVED = 2;
    static final int DELAYED = 3;
    /** Object header, fields and the slot that refers to an entry. */
    static final int ENTRY_OVERHEAD = 80;

    final Message message;
    final long storeId;
    final long expiresAt;
    int level;
    long index;
    /** Arrival order within the level, kept when paged in; what a browse position counts. */
    long seq;
    int state;
    int deliveryCount;
    QueueConsumer holder;
    /** Whether this delivery still counts against its consumer's prefetch. */
    boolean holdsCredit;
    /** Whether this delivery also counts against its channel's {@link DeliveryGate} limit. */
    boolean holdsGateCredit;
    /** Whether {@link #index} is a slot of the queue's paged part (taken from deep in the backlog by a selector). */
    boolean paged;
    /** Position in the expiry heap, -1 when not in it. */
    int heapIndex = -1;

    QueueEntry(Message message, long storeId, long expiresAt, int deliveryCount) {
        this.message = message;
        this.storeId = storeId;
        this.expiresAt = expiresAt;
        this.deliveryCount = deliveryCount;
    }

    public Message message() {
        return message;
    }

    /** The store id when the message is persisted for this queue, else 0. */
    public long storeId() {
        return storeId;
    }

    /** How often the message was delivered from this queue, including the current delivery. */
    public int deliveryCount() {
        return deliveryCount;
    }

    /** Whether the client still holds this delivery ahead of its application (never handed out). */
    public boolean awaitsHandOut() {
        return holdsCredit;
    }

    /** Heap this entry and its message occupy, as the memory guard counts it. */
    long footprint() {
        return message.footprint() + ENTRY_OVERHEAD;
    }

    boolean isPersisted() {
        return storeId != 0;
    }

    boolean isExpired(long now) {
        return expiresAt != 0 && expiresAt <= now;
    }
}
