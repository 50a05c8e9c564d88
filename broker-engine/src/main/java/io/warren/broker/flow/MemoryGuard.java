package io.warren.broker.flow;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Producer flow control: counts the heap that queued messages occupy and, once it passes the limit, makes
 * publishers wait (bounded) for consumers to free memory, then refuses them with {@code RESOURCE_ERROR} — so a
 * broker that is fed faster than it is drained slows its producers down instead of running out of memory.
 *
 * <p>Below the limit sits the paging watermark: past it, deep queues keep new arrivals on disk instead of the
 * heap ({@code io.warren.broker.paging}), so the limit is only reached when paging cannot help (paging off,
 * or the page files at their disk limit) and blocking stays the last resort. As a backstop, producers are also
 * held back while the JVM's old generation stays over 90% full after collections, since heap that others hold
 * for queued messages (a store's state) escapes this count.
 */
public final class MemoryGuard {
    private final String brokerName;
    private final long limit;
    private final long waitMillis;
    private final long pagingWatermark;
    private final AtomicLong used = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private volatile int waiters;
    private final List<Runnable> capacityListeners = new CopyOnWriteArrayList<>();
    private volatile BooleanSupplier pagingFull = () -> false;
    private final HeapWatch heap;
    /** Whether capacity was refused for a reason other than the count; its listeners are owed a call. */
    private volatile boolean otherwiseFull;

    /**
     * @param limit      bytes of queued messages above which publishers wait
     * @param waitMillis how long a publisher waits for memory before being refused
     */
    public MemoryGuard(String brokerName, long limit, long waitMillis) {
        this(brokerName, limit, waitMillis, limit);
    }

    /** @param pagingWatermark bytes of queued messages above which deep queues page new arrivals */
    public MemoryGuard(String brokerName, long limit, long waitMillis, long pagingWatermark) {
        this(brokerName, limit, waitMillis, pagingWatermark, new HeapWatch(0.9));
    }

    MemoryGuard(String brokerName, long limit, long waitMillis, long pagingWatermark, HeapWatch heap) {
        this.heap = heap;
        this.brokerName = brokerName;
        this.limit = limit;
        this.waitMillis = waitMillis;
        this.pagingWatermark = pagingWatermark;
    }

    /** Bytes of queued messages above which deep queues page their new arrivals. */
    public long pagingWatermark() {
        return pagingWatermark;
    }

    /**
     * Tells the guard when paging cannot take more (its page files are at their disk limit): then producers are
     * held back as when the heap is full, since paged queues could only grow the page files further. The check
     * runs on every publish and must be cheap.
     */
    public void pagingFull(BooleanSupplier full) {
        this.pagingFull = full;
    }

    private boolean full() {
        if (used.get() >= limit) {
            return true;
        }
        // The heap backstop only holds producers back when this broker holds a good share of its budget: an
        // application whose own data fills the heap must not find its sends refused by a broker holding little.
        if (pagingFull.getAsBoolean() || used.get() > pagingWatermark && heap.full()) {
            otherwiseFull = true;
            return true;
        }
        return false;
    }

    /** Whether queued messages occupy more than the paging watermark. */
    public boolean abovePagingWatermark() {
        return used.get() > pagingWatermark;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used.get();
    }

    /** Publishers waiting for memory in {@link #awaitCapacity()} now. */
    public int blockedPublishers() {
        return waiters;
    }

    /** Whether a publisher may go ahead now without waiting (what a non-blocking transport checks). */
    public boolean hasCapacity() {
        return !full();
    }

    /**
     * Registers an action run whenever the guard has capacity again (memory use fell back below the limit, or the
     * page files or the heap have room again), on the thread that freed it
     * (it must not block). A transport that stopped reading from publishers resumes them from here; it must
     * check {@link #hasCapacity()} again after registering interest, since capacity may have returned in
     * between.
     */
    public void addCapacityListener(Runnable listener) {
        capacityListeners.add(listener);
    }

    public void removeCapacityListener(Runnable listener) {
        capacityListeners.remove(listener);
    }

    /** Returns when there is room for another message; fails after the wait with a clear error. */
    public void awaitCapacity() {
        if (!full()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        lock.lock();
        try {
            waiters++;
            while (full()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new BrokerException(ErrorCode.RESOURCE_ERROR, "broker '" + brokerName
                            + "' is out of memory for messages: queues hold " + (used.get() >> 20) + " MiB (limit "
                            + (limit >> 20) + " MiB" + (used.get() < limit ? why() : "")
                            + ") and consumers did not free any within " + waitMillis
                            + " ms; consume faster, set queue limits (x-max-length) or raise the broker's maxMemory");
                }
                try {
                    freed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrokerException(ErrorCode.RESOURCE_ERROR, "interrupted while waiting for broker memory");
                }
            }
        } finally {
            waiters--;
            lock.unlock();
        }
    }

    private String why() {
        return pagingFull.getAsBoolean() ? ", page files at their disk limit"
                : ", the JVM's heap " + heap.percent() + "% full after garbage collection";
    }

    public void add(long bytes) {
        used.addAndGet(bytes);
    }

    public void release(long bytes) {
        long now = used.addAndGet(-bytes);
        boolean crossed = now < limit && now + bytes >= limit;
        // Full for another reason (page files, heap): the listeners hear when that ends, on a later release.
        if ((crossed || otherwiseFull) && !full()) {
            otherwiseFull = false;
            for (Runnable l : capacityListeners) {
                l.run();
            }
        } else if (crossed) {
            otherwiseFull = true;
        }
        if (waiters > 0 && !full()) {
            lock.lock();
            try {
                freed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
