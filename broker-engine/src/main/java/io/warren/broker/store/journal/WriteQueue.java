package io.warren.broker.store.journal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The writes waiting for the journal, in the order they were submitted, and the writer thread's wait for them. A
 * submitter either wakes the writer thread ({@link #add}) or leaves it parked ({@link #addQuietly}) because it will
 * write the batch itself or wake the writer later ({@link JournalWriter#help}). Writes leave the queue only in the
 * hands of whoever holds the journal's writer role. Waking is one volatile read when the writer is busy, and an
 * unpark only when it is parked.
 */
final class WriteQueue {
    private final Queue<PendingWrite> writes = new ConcurrentLinkedQueue<>();
    private volatile Thread writer;
    /** Set while the writer thread is (about to be) parked; a submitter that sees it unparks the writer. */
    private volatile boolean parked;
    /** Set when the writer thread has work besides the queue, such as installing a compaction's snapshot. */
    private volatile boolean signalled;

    /** Queues a write and wakes the writer thread. */
    void add(PendingWrite write) {
        writes.add(write);
        wake();
    }

    /** Queues a write without waking the writer thread; the caller writes it or calls {@link #wake} later. */
    void addQuietly(PendingWrite write) {
        writes.add(write);
    }

    /** Wakes the writer thread if it is parked. */
    void wake() {
        if (parked) {
            LockSupport.unpark(writer);
        }
    }

    /** Asks the writer thread to run its loop once even though no write is queued. */
    void signal() {
        signalled = true;
        wake();
    }

    /** Clears the signal; returns whether it was set. */
    boolean takeSignal() {
        if (signalled) {
            signalled = false;
            return true;
        }
        return false;
    }

    boolean hasWork() {
        return !writes.isEmpty() || signalled;
    }

    /**
     * Parks the writer thread until a write is queued, it is signalled, {@code nanos} pass or it is interrupted; returns
     * at once if there is work. Called by the writer thread only.
     */
    void await(long nanos) {
        writer = Thread.currentThread();
        parked = true;
        // A submitter queues and then reads parked; the writer sets parked and then looks at the queue: one of them
        // sees the other, so no write is left unnoticed.
        if (!hasWork()) {
            LockSupport.parkNanos(this, nanos);
        }
        parked = false;
    }

    PendingWrite poll() {
        return writes.poll();
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    boolean remove(PendingWrite write) {
        return writes.remove(write);
    }

    int size() {
        return writes.size();
    }
}
