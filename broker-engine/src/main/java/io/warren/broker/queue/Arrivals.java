package io.warren.broker.queue;

import io.warren.message.Message;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arrivals of one transaction commit or one publish to several queues, which take effect together or not
 * at all. Made in two steps under the locks of every queue involved: {@link #add} decides, per queue and
 * message, whether the arrival is paged, and writes the page content a paged arrival needs — the only step
 * that can fail on a full or broken disk, and one no consumer sees; then {@link #applyLocked} enqueues them
 * all, writing nothing to the page store, or {@link #discard} frees what was written. An arrival decided paged
 * stays paged in the apply, so the decision and the content written for it always match.
 *
 * <p>Not thread-safe: one committing or publishing thread uses it while it holds the queues' locks.
 */
public final class Arrivals {
    /**
     * An arrival decided: paged, its content under {@code ref} ({@link io.warren.broker.paging.PageRef}), or on
     * the heap (ref 0).
     */
    record Arrival(MessageQueue queue, Message message, long storeId, int level, long ref) {
    }

    /** What the arrivals prepared so far do to one queue, which the next arrival's decision must take into account. */
    static final class Plan {
        /** Heap bytes the arrivals decided for the heap will add. */
        long heapBytes;
        /** Levels an earlier arrival pages at: later ones of the level page too, to stay behind it. */
        private boolean[] paged;

        boolean paged(int level) {
            return paged != null && paged[level];
        }

        void paging(int level, int levels) {
            if (paged == null) {
                paged = new boolean[levels];
            }
            paged[level] = true;
        }
    }

    private final long now;
    private final List<Arrival> arrivals = new ArrayList<>();
    /** Publishes a full queue refused, handled (dead-lettered under reject-publish-dlx) only when applied. */
    private final List<Arrival> refused = new ArrayList<>();
    private final Map<MessageQueue, Plan> plans = new IdentityHashMap<>();

    /** @param now the time the arrivals are decided and enqueued at (when they were received) */
    public Arrivals(long now) {
        this.now = now;
    }

    /**
     * Whether {@code queue} accepts {@code message} under its length limits ({@link MessageQueue#acceptsLocked});
     * a refusal takes effect only with {@link #applyLocked}. Caller holds the queue's lock.
     */
    public boolean admits(MessageQueue queue, Message message) {
        if (queue.acceptsLocked(message)) {
            return true;
        }
        refused.add(new Arrival(queue, message, 0, 0, 0));
        return false;
    }

    /**
     * Prepares the arrival of {@code message} at {@code queue}, after those added before. Caller holds the
     * queue's lock until {@link #applyLocked} or {@link #discard}, and has checked {@link #admits}.
     *
     * @param storeId the store id when the store keeps the message for this queue, else 0
     * @throws io.warren.broker.BrokerException {@code STORE_ERROR} when the page store cannot write; what was
     *         prepared before stays prepared, for the caller to {@link #discard}
     */
    public void add(MessageQueue queue, Message message, long storeId) {
        Plan plan = plans.computeIfAbsent(queue, q -> new Plan());
        arrivals.add(queue.prepareLocked(message, storeId, now, plan));
    }

    /**
     * Enqueues every arrival, in the order added, and handles the refused publishes. Caller holds the locks it
     * held to add them.
     */
    public void applyLocked() {
        for (Arrival a : refused) {
            a.queue().refuseLocked(a.message());
        }
        for (Arrival a : arrivals) {
            a.queue().enqueueLocked(a, now);
        }
        clear();
    }

    /** Frees the page content written for the arrivals and forgets them and the refusals: nothing happened. */
    public void discard() {
        for (Arrival a : arrivals) {
            a.queue().discard(a);
        }
        clear();
    }

    private void clear() {
        arrivals.clear();
        refused.clear();
        plans.clear();
    }
}
