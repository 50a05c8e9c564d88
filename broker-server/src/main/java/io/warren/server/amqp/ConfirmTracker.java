package io.warren.server.amqp;

/**
 * Publisher confirms of one channel: numbers publishes from 1 and settles them as the engine finishes them,
 * possibly out of order. Acknowledgements go out as one {@code basic.ack} with {@code multiple} for the longest
 * settled prefix, so a group commit of many messages costs one frame; a refused publish gets its own
 * {@code basic.nack} at once. Confined to the connection's event loop.
 */
final class ConfirmTracker {
    private boolean[] settled = new boolean[64];
    private int head;
    private long base = 1;
    private long next = 1;
    private long lastSent;

    /** Sequence number of the next publish. */
    long next() {
        if (next - base == settled.length) {
            grow();
        }
        return next++;
    }

    private void grow() {
        boolean[] bigger = new boolean[settled.length * 2];
        int n = (int) (next - base);
        for (int i = 0; i < n; i++) {
            bigger[i] = settled[(head + i) & (settled.length - 1)];
        }
        settled = bigger;
        head = 0;
    }

    /** Marks a publish settled (acknowledged or nacked); the ack goes out with {@link #pendingAck()}. */
    void settle(long seq) {
        if (seq < base || seq >= next) {
            return;
        }
        settled[(head + (int) (seq - base)) & (settled.length - 1)] = true;
        while (base < next && settled[head]) {
            settled[head] = false;
            head = (head + 1) & (settled.length - 1);
            base++;
        }
    }

    /** The highest tag to acknowledge now (all below it included), or 0 when nothing new is settled. */
    long pendingAck() {
        long upTo = base - 1;
        return upTo > lastSent ? upTo : 0;
    }

    /** Whether the pending ack covers more than one publish. */
    boolean pendingMultiple() {
        return base - 1 - lastSent > 1;
    }

    void ackSent(long upTo) {
        lastSent = upTo;
    }
}
