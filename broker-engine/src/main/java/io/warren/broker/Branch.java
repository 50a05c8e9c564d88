package io.warren.broker;

import io.warren.broker.queue.MessageQueue;
import io.warren.broker.queue.QueueEntry;
import io.warren.broker.tx.TransactionId;
import io.warren.broker.tx.XaError;
import io.warren.message.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * One XA transaction branch: the publishes and acknowledgements its channels made while associated with it,
 * held until it commits or rolls back, and where it is in its life. {@link XaBranches} moves it between states
 * under its own lock; the work lists are guarded by the branch itself, because associated channels add to them
 * from their own threads.
 */
final class Branch {
    enum State {
        /** Channels are associated with it, or were and ended or suspended; it may still take work. */
        OPEN,
        /** Prepared: its work is in the store and it waits for commit or rollback, whatever happens. */
        PREPARED,
        /** Committed or rolled back; kept only to tell late callers why. */
        DONE
    }

    /** A delivery the branch acknowledges. */
    record Ack(MessageQueue queue, QueueEntry entry) {
    }

    /** What the branch did, taken from it when it completes. */
    record Work(List<Message> publishes, List<Ack> acks) {
        boolean isEmpty() {
            return publishes.isEmpty() && acks.isEmpty();
        }

        Map<MessageQueue, List<QueueEntry>> acksByQueue() {
            Map<MessageQueue, List<QueueEntry>> byQueue = new IdentityHashMap<>();
            for (Ack a : acks) {
                byQueue.computeIfAbsent(a.queue(), q -> new ArrayList<>()).add(a.entry());
            }
            return byQueue;
        }

        /** Returns the acknowledged deliveries to their queues, counted as delivered. */
        void requeueAcks() {
            acksByQueue().forEach((q, entries) -> q.requeue(entries, true));
        }
    }

    final TransactionId xid;
    State state = State.OPEN;
    /** Channels working on the branch now. */
    int associations;
    /** Associations suspended and not yet resumed. */
    int suspended;
    /** Set once the branch can only roll back ({@link XaError#ROLLED_BACK}) or was rolled back for its timeout. */
    XaError failure;
    ScheduledFuture<?> timer;

    private final List<Message> publishes = new ArrayList<>();
    private final List<Ack> acks = new ArrayList<>();
    private boolean closed;

    Branch(TransactionId xid) {
        this.xid = xid;
    }

    /** A branch recovered in doubt, with the work it had when it was prepared. */
    Branch(TransactionId xid, List<Message> publishes, List<Ack> acks) {
        this.xid = xid;
        this.state = State.PREPARED;
        this.publishes.addAll(publishes);
        this.acks.addAll(acks);
    }

    boolean isAssociated() {
        return associations > 0 || suspended > 0;
    }

    /** Holds a publish; false when the branch no longer takes work (it completed meanwhile). */
    synchronized boolean publish(Message m) {
        if (closed) {
            return false;
        }
        publishes.add(m);
        return true;
    }

    /**
     * Holds acknowledgements; when the branch no longer takes work they go back to their queues, as its
     * rollback would have sent them.
     */
    void acknowledge(Collection<Ack> taken) {
        synchronized (this) {
            if (!closed) {
                acks.addAll(taken);
                return;
            }
        }
        new Work(List.of(), List.copyOf(taken)).requeueAcks();
    }

    synchronized boolean hasWork() {
        return !publishes.isEmpty() || !acks.isEmpty();
    }

    /** A copy of the work, leaving the branch open (for the prepare record). */
    synchronized Work snapshot() {
        return new Work(List.copyOf(publishes), List.copyOf(acks));
    }

    /** Takes the work and refuses any more. */
    synchronized Work close() {
        closed = true;
        Work w = new Work(List.copyOf(publishes), List.copyOf(acks));
        publishes.clear();
        acks.clear();
        return w;
    }

    @Override
    public String toString() {
        return "transaction branch " + xid;
    }
}
