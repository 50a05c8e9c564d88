package io.warren.thread;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ReentrantLock} for critical sections of a few microseconds that threads on different processors take in
 * turn, such as a queue's lock, which a publisher and the consumer acknowledging its last message take once per
 * message each. A thread that finds it held spins for up to {@link #SPIN_NANOS} for it to be released before it
 * queues and parks like any {@code ReentrantLock} waiter. Parking would cost both threads a system call (the
 * waiter's park, the holder's unpark on release) and the waiter a wake-up of tens of microseconds on a virtual
 * machine: more than the wait itself, so under that kind of contention most of the time went to the lock.
 *
 * <p>Only {@link #lock()} spins, and only while no thread is parked for the lock already; {@code lockInterruptibly},
 * {@code tryLock} and conditions behave as in {@code ReentrantLock}. A holder that is descheduled costs a spinning
 * thread at most {@link #SPIN_NANOS}.
 */
public final class SpinThenParkLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;
    /** How long {@link #lock()} spins for a held lock before it parks. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    @Override
    public void lock() {
        if (!tryLock()) {
            spinThenLock();
        }
    }

    private void spinThenLock() {
        long start = System.nanoTime();
        // a thread already parked for the lock means it is held longer, or wanted by more threads, than spinning
        // pays for; queueing behind it also keeps spinners from overtaking it again and again
        while (!hasQueuedThreads() && System.nanoTime() - start < SPIN_NANOS) {
            Thread.onSpinWait();
            if (!isLocked() && tryLock()) {
                return;
            }
        }
        super.lock();
    }
}
