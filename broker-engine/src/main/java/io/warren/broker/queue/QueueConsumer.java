package io.warren.broker.queue;

import io.warren.selector.Selector;

/**
 * A consumer's registration on a queue: its credit (prefetch minus unacknowledged deliveries), its filter,
 * and for filtered consumers a scan position per priority level, so entries it passed over as not matching
 * are not looked at again (on the heap and in the paged part). Guarded by the queue's lock.
 */
public final class QueueConsumer {
    private final String tag;
    private final DeliveryTarget target;
    private final int prefetch;
    private final boolean autoAck;
    private final boolean exclusive;
    private final Selector filter;
    private final String noLocalConnection;
    private final DeliveryGate gate;
    /** Deliveries counted against the prefetch: unsettled and not yet handed to the application. */
    int unacked;
    long[] cursors;
    /** For filtered consumers, per level the first paged slot not yet looked at. */
    long[] pagedCursors;

    /**
     * @param noLocalConnection when not null, messages published by this connection are discarded instead
     *                          of delivered
     */
    public QueueConsumer(String tag, DeliveryTarget target, int prefetch, boolean autoAck, boolean exclusive,
                         Selector filter, String noLocalConnection) {
        this(tag, target, prefetch, autoAck, exclusive, filter, noLocalConnection, null);
    }

    /** @param gate the channel-wide conditions on deliveries to this consumer, or null for none */
    public QueueConsumer(String tag, DeliveryTarget target, int prefetch, boolean autoAck, boolean exclusive,
                         Selector filter, String noLocalConnection, DeliveryGate gate) {
        this.gate = gate;
        this.tag = tag;
        this.target = target;
        this.prefetch = prefetch;
        this.autoAck = autoAck;
        this.exclusive = exclusive;
        this.filter = filter;
        this.noLocalConnection = noLocalConnection;
    }

    public String tag() {
        return tag;
    }

    DeliveryTarget target() {
        return target;
    }

    public int prefetch() {
        return prefetch;
    }

    public boolean autoAck() {
        return autoAck;
    }

    public boolean exclusive() {
        return exclusive;
    }

    public Selector filter() {
        return filter;
    }

    String noLocalConnection() {
        return noLocalConnection;
    }

    /** Tells the consumer's owner that the broker cancelled it. */
    public void targetCancelled() {
        target.cancelled(this);
    }

    boolean hasCredit() {
        if (gate != null && !gate.admits(!autoAck)) {
            return false;
        }
        return prefetch == 0 || unacked < prefetch;
    }

    /**
     * A delivery now holds credit of this consumer, and of its channel's gate while the gate has a limit (a
     * channel without one — every JMS session — pays no shared counter on its deliveries).
     */
    void creditTaken(QueueEntry e) {
        unacked++;
        if (gate != null && gate.limited()) {
            gate.acquired();
            e.holdsGateCredit = true;
        }
    }

    /** A delivery gave its credit back (settled, or handed to the application). */
    void creditReturned(QueueEntry e) {
        unacked--;
        if (e.holdsGateCredit) {
            e.holdsGateCredit = false;
            gate.released();
        }
    }

    @Override
    public String toString() {
        return "consumer " + tag;
    }
}
