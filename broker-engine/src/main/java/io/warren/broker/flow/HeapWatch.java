package io.warren.broker.flow;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The memory guard's backstop: whether the JVM's old generation is still nearly full after the last
 * collection, whatever the guard's own accounting says. The guard counts queued messages only; heap that
 * other parts hold for them (a store's in-memory state, buffers) escapes it, and without this check a broker
 * could run out of heap while the guard still saw room. Read at most every few milliseconds, so asking on
 * every publish is cheap; thread-safe.
 *
 * <p>The reading is as old as the last collection of the old generation, and blocked producers allocate
 * nothing to cause another: while it says full, a collection is requested (on a thread of its own, at most once
 * a second), so that the broker learns when consumers have freed the heap. With {@code -XX:+DisableExplicitGC}
 * that request does nothing and producers wait for the JVM's next old collection.
 */
class HeapWatch {
    private static final long RECHECK_NANOS = 5_000_000;
    private static final long COLLECT_NANOS = 1_000_000_000;

    private final double fraction;
    private final List<MemoryPoolMXBean> pools;
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;
    private volatile boolean full;
    private volatile int percent;
    private volatile long collectRequestedAt = System.nanoTime() - COLLECT_NANOS;

    /** @param fraction share of a collected pool's maximum that still in use after a collection counts as full */
    HeapWatch(double fraction) {
        this.fraction = fraction;
        this.pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()
                        && p.getUsage().getMax() > 0)
                // The pool that survives the most collections: tenured, old gen.
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .toList();
    }

    /** Whether the old generation was above the fraction after its last collection. */
    boolean full() {
        long now = System.nanoTime();
        if (now - checkedAt >= RECHECK_NANOS) {
            checkedAt = now;
            boolean f = false;
            for (MemoryPoolMXBean p : pools) {
                MemoryUsage after = p.getCollectionUsage();
                long max = p.getUsage().getMax();
                if (after != null && max > 0 && after.getUsed() > fraction * max) {
                    f = true;
                    percent = (int) (100 * after.getUsed() / max);
                }
            }
            full = f;
            if (f && now - collectRequestedAt >= COLLECT_NANOS) {
                collectRequestedAt = now;
                io.warren.thread.WarrenThreads.newThread(System::gc, "warren-heap-check").start();
            }
        }
        return full;
    }

    /** How full the old generation was after its last collection, when {@link #full()}. */
    int percent() {
        return percent;
    }
}
