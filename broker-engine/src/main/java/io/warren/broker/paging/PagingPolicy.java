package io.warren.broker.paging;

import io.warren.broker.flow.MemoryGuard;
import java.util.concurrent.Executor;

/**
 * When a queue keeps a new arrival as a compact {@link PagedIndex} entry instead of a message on the heap, and
 * where paged content goes. One per broker, shared by its queues; thread-safe.
 *
 * <p>A queue pages an arrival when paging is on and either its own messages occupy at least the per-queue
 * threshold of heap, or the broker's {@link MemoryGuard} is past its paging watermark and the queue holds at
 * least 1/64 of the memory limit (so queues that consumers keep short are left alone). Content that no store
 * keeps needs room in the {@link PageStore}; without it the arrival stays on the heap and the memory guard
 * blocks producers in the end, as without paging.
 */
public final class PagingPolicy {
    private final boolean enabled;
    private final long queueThreshold;
    private final int readAhead;
    private final MemoryGuard memory;
    private final PageStore pages;
    private final Executor reader;

    /**
     * @param queueThreshold heap bytes of one queue past which it pages
     * @param readAhead      messages paged back in at once
     * @param reader         runs the reads of paged content ahead of consumers, off the queues' locks
     */
    public PagingPolicy(boolean enabled, long queueThreshold, int readAhead, MemoryGuard memory, PageStore pages,
                        Executor reader) {
        this.reader = reader;
        this.enabled = enabled;
        this.queueThreshold = queueThreshold;
        this.readAhead = readAhead;
        this.memory = memory;
        this.pages = pages;
    }

    /**
     * Whether a queue whose messages occupy {@code queueHeapBytes} pages its next arrival.
     *
     * @param needsPageStore whether the content would go to the page store (no store keeps it)
     */
    public boolean shouldPage(long queueHeapBytes, boolean needsPageStore) {
        if (!enabled) {
            return false;
        }
        boolean deep = queueHeapBytes >= queueThreshold
                || memory.abovePagingWatermark() && queueHeapBytes >= memory.limit() / 64;
        return deep && (!needsPageStore || pages.hasRoom());
    }

    /**
     * Whether a queue holding {@code queueHeapBytes} on the heap is within half its threshold of paging, counting
     * an arrival of {@code arriving} bytes. A publish to several queues none of which is near offers the message
     * to them one by one; one that finds a queue near (or paging) prepares every arrival, page writes included,
     * before any queue takes it, so that a failing write leaves all of them without it. Reaching a threshold
     * from half of it within one publish would take that much arriving concurrently.
     */
    public boolean nearThreshold(long queueHeapBytes, long arriving) {
        if (!enabled) {
            return false;
        }
        long held = queueHeapBytes + arriving;
        return held >= queueThreshold / 2 || held >= memory.limit() / 128;
    }

    public int readAhead() {
        return readAhead;
    }

    /** Where queues read paged content ahead of their consumers. */
    public Executor reader() {
        return reader;
    }

    public PageStore pages() {
        return pages;
    }
}
