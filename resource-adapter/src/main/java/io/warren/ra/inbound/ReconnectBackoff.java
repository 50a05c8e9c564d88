package io.warren.ra.inbound;

/**
 * Delays between attempts to re-establish an endpoint's connection, or to get an endpoint the server refused:
 * starting at {@code initialMillis}, doubling after each failure up to {@code maxMillis}, back to the start after a
 * success. Not thread-safe: callers hold a lock (the activation's, or the object itself).
 */
final class ReconnectBackoff {
    private final long initialMillis;
    private final long maxMillis;
    private long next;
    private int attempts;

    ReconnectBackoff(long initialMillis, long maxMillis) {
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.next = initialMillis;
    }

    /** The delay before the next attempt; the one after will be twice as long (up to the maximum). */
    long nextDelayMillis() {
        long d = next;
        next = Math.min(maxMillis, next * 2);
        attempts++;
        return d;
    }

    /** Attempts since the last success. */
    int attempts() {
        return attempts;
    }

    void reset() {
        next = initialMillis;
        attempts = 0;
    }
}
