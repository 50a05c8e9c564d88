package io.warren.jms.client;

import io.warren.broker.Delivery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The deliveries pushed to one consumer and not yet handed to the application. The broker adds to it while
 * holding a queue lock, so {@link #add} never blocks for long; {@link #take} blocks a receiving thread until
 * a delivery arrives, the connection starts or the consumer closes — no polling.
 */
final class DeliveryBuffer {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private boolean closed;

    void add(Delivery d) {
        lock.lock();
        try {
            deliveries.add(d);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    Delivery poll() {
        lock.lock();
        try {
            return deliveries.poll();
        } finally {
            lock.unlock();
        }
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
                if (canDeliver.getAsBoolean() && !deliveries.isEmpty()) {
                    return deliveries.poll();
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
            List<Delivery> all = new ArrayList<>(deliveries);
            deliveries.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return deliveries.isEmpty();
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
