package io.warren.jms.client;

import io.warren.jms.transport.Delivery;
import io.warren.thread.SpinThenParkLock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

/**
 * The deliveries pushed to one consumer and not yet handed to the application, handed out highest JMS priority
 * first and in arrival order within a priority (the queue's order, kept among what was prefetched). The broker
 * adds to it while holding a queue lock, so {@link #add} never blocks for long; {@link #take} blocks a receiving
 * thread until a delivery arrives, the connection starts or the consumer closes — no polling.
 */
final class DeliveryBuffer {
    private static final int LEVELS = 10;

    private final SpinThenParkLock lock = new SpinThenParkLock();
    private final Condition changed = lock.newCondition();
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final ArrayDeque<Delivery>[] levels = new ArrayDeque[LEVELS];
    private int size;
    private boolean closed;

    DeliveryBuffer() {
        for (int i = 0; i < LEVELS; i++) {
            levels[i] = new ArrayDeque<>();
        }
    }

    void add(Delivery d) {
        int level = Math.max(0, Math.min(LEVELS - 1, d.message().priority()));
        lock.lock();
        try {
            levels[level].add(d);
            size++;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    Delivery poll() {
        lock.lock();
        try {
            return next();
        } finally {
            lock.unlock();
        }
    }

    private Delivery next() {
        if (size == 0) {
            return null;
        }
        for (int i = LEVELS - 1; i >= 0; i--) {
            Delivery d = levels[i].poll();
            if (d != null) {
                size--;
                return d;
            }
        }
        return null;
    }

    /**
     * Waits for a delivery while {@code canDeliver} holds (the connection is started).
     *
     * @param timeoutMillis 0 waits without limit, negative does not wait
     * @return the delivery, or null on timeout or close
     */
    Delivery take(long timeoutMillis, BooleanSupplier canDeliver) throws InterruptedException {
        long deadline = timeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
        lock.lock();
        try {
            while (!closed) {
                if (canDeliver.getAsBoolean() && size > 0) {
                    return next();
                }
                if (timeoutMillis < 0) {
                    return null;
                }
                if (timeoutMillis == 0) {
                    changed.await();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    changed.awaitNanos(left);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns everything buffered. */
    List<Delivery> drain() {
        lock.lock();
        try {
            List<Delivery> all = new ArrayList<>(size);
            for (int i = LEVELS - 1; i >= 0; i--) {
                all.addAll(levels[i]);
                levels[i].clear();
            }
            size = 0;
            return all;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return size == 0;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes waiting receivers so they re-check their conditions (connection started or stopped). */
    void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
