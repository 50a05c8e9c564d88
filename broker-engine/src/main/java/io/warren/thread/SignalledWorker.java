package io.warren.thread;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread of its own that runs one task each time it is {@linkplain #signal() signalled}, for hand-offs where a
 * thread pool's queue and wake-up cost more than the work: a session's listener drain, say, which a publisher
 * signals once per message. Signals that arrive while the task runs fold into one more run after it.
 *
 * <p>After a run the thread keeps watching for the next signal for a short while before it parks: first spinning,
 * then yielding its processor to other runnable threads. A signal that arrives in that time costs the signaller a
 * volatile write and no system call, and the worker starts at once instead of waiting to be scheduled; only a
 * worker that parked has to be unparked. The yielding phase adapts: it lengthens while signals come so often that
 * a park would have ended within the longer time, and shortens again after a long park or as soon as a yield shows
 * that another thread needed the processor, so a busy machine does not lose processor time to waiting workers.
 * The thread is started by the first signal and ends after {@code idle} without one; the next signal starts
 * another. {@link #shutdown()} ends it for good.
 *
 * <p>Thread-safe. The task runs on one thread at a time, never concurrently with itself.
 */
public final class SignalledWorker {
    /** How long a worker spins on the processor for the next signal after a run. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    /** How long after that it keeps checking between yields before it parks. */
    static final long YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /**
     * How long it yields instead while signals come so often that a park would end within this time: waking a
     * parked thread costs the signaller a system call and the message tens of microseconds, or milliseconds on a
     * busy machine, which is what latency percentiles are made of.
     */
    static final long BUSY_YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(250);
    /** A yield that took longer than this let another thread run: the processors are busy. */
    static final long CONTENDED_YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final Runnable task;
    private final String threadName;
    private final long idleNanos;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean parked;
    private volatile boolean shutdown;
    /** The yield time of the next wait: {@link #YIELD_NANOS}, or {@link #BUSY_YIELD_NANOS} (worker thread only). */
    private long yieldNanos = YIELD_NANOS;

    /**
     * @param task       what each signal runs; an exception it throws is reported to the thread's uncaught
     *                   exception handler and the worker goes on
     * @param threadName the name of the worker's thread
     * @param idle       how long the thread waits for a signal before it ends
     */
    public SignalledWorker(Runnable task, String threadName, long idle, TimeUnit unit) {
        this.task = task;
        this.threadName = threadName;
        this.idleNanos = unit.toNanos(idle);
    }

    /**
     * Asks for one more run of the task: a run that starts after this call returns. Cheap when a run is already
     * pending or the worker is awake.
     *
     * @return false when the worker is shut down and nothing will run
     */
    public boolean signal() {
        if (shutdown) {
            return false;
        }
        if (pending.getAndSet(true)) {
            return true;
        }
        Thread t = thread;
        if (t == null) {
            startIfNone();
        } else if (parked) {
            LockSupport.unpark(t);
        }
        return true;
    }

    /** Ends the worker: a run in progress completes, pending and later signals are dropped. */
    public void shutdown() {
        shutdown = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Whether a thread runs for this worker now (tests). */
    boolean hasThread() {
        return thread != null;
    }

    private synchronized void startIfNone() {
        if (thread == null && !shutdown) {
            Thread t = WarrenThreads.newThread(this::runLoop, threadName);
            thread = t;
            t.start();
        }
    }

    private void runLoop() {
        Thread me = Thread.currentThread();
        try {
            while (!shutdown) {
                if (pending.getAndSet(false)) {
                    runTask();
                } else if (!awaitSignal() && !stayAfterIdle(me)) {
                    return;
                }
            }
        } finally {
            boolean replace;
            synchronized (this) {
                if (thread == me) {
                    thread = null;
                }
                replace = thread == null && pending.get() && !shutdown;
            }
            if (replace) {
                startIfNone(); // an Error ended the task: the signals after it still need a thread
            }
        }
    }

    private void runTask() {
        try {
            task.run();
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /**
     * Spins, then yields, then parks until a signal is pending.
     *
     * @return false if the idle time passed without a signal
     */
    private boolean awaitSignal() {
        long start = System.nanoTime();
        long now = start;
        while (now - start < SPIN_NANOS) {
            if (pending.get() || shutdown) {
                return true;
            }
            Thread.onSpinWait();
            now = System.nanoTime();
        }
        while (now - start < SPIN_NANOS + yieldNanos) {
            if (pending.get() || shutdown) {
                return true;
            }
            Thread.yield();
            long before = now;
            now = System.nanoTime();
            if (now - before > CONTENDED_YIELD_NANOS) {
                yieldNanos = YIELD_NANOS; // another thread needed this processor: stop taking it from others
                break;
            }
        }
        long parkedAt = now;
        long deadline = now + idleNanos;
        parked = true;
        try {
            // parked is written before pending is read, and a signaller writes pending before it reads parked:
            // one of the two sees the other, so a signal never finds the worker parked without unparking it
            while (!pending.get() && !shutdown) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, left);
            }
            yieldNanos = System.nanoTime() - parkedAt < BUSY_YIELD_NANOS ? BUSY_YIELD_NANOS : YIELD_NANOS;
            return true;
        } finally {
            parked = false;
        }
    }

    /**
     * The worker was idle long enough to end. It lets go of the thread, then looks for a signal that raced with
     * that: such a signal saw the old thread and did not start one, so the worker stays for it unless another
     * thread has been started meanwhile.
     *
     * @return whether the worker keeps running
     */
    private boolean stayAfterIdle(Thread me) {
        synchronized (this) {
            thread = null;
        }
        if (!pending.get() || shutdown) {
            return false;
        }
        synchronized (this) {
            if (thread == null && !shutdown) {
                thread = me;
                return true;
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return "SignalledWorker[" + threadName + (thread != null ? ", running" : "") + "]";
    }
}
