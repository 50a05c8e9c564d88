package io.warren.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces operations evenly at a fixed rate for one thread. Each operation has a scheduled time; a thread
 * that falls behind catches up by going again at once, but never by more than 100 ms of backlog, so one long
 * stall does not turn into a burst.
 */
public final class Pacer {
    private static final long MAX_BACKLOG_NANOS = 100_000_000L;

    private final long intervalNanos;
    private long next;

    public Pacer(int perSecond) {
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.next = System.nanoTime();
    }

    /** Waits until the next operation is due (parking, not spinning, to leave the CPU to others). */
    public void awaitNext() {
        long wait;
        while ((wait = next - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        next += intervalNanos;
        long now = System.nanoTime();
        if (now - next > MAX_BACKLOG_NANOS) {
            next = now;
        }
    }
}
