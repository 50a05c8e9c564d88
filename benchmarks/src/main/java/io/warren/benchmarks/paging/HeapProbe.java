package io.warren.benchmarks.paging;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap that live objects occupy: used heap right after full collections. */
final class HeapProbe {
    private static final int COLLECTIONS = 3;

    private HeapProbe() {
    }

    /**
     * Used heap after {@value #COLLECTIONS} requested collections, the least seen (a collection may leave
     * garbage that a background thread made meanwhile). Meaningful with the default collectors, which honour
     * {@link System#gc()} with a full collection.
     */
    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
