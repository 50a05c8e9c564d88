package io.warren.broker.queue;

import io.warren.broker.paging.PageRef;
import io.warren.broker.paging.PagedIndex;
import io.warren.broker.paging.PagingPolicy;
import io.warren.message.Message;
import java.util.HashMap;
import java.util.Map;

/**
 * A queue's paged part: per priority level a {@link PagedIndex} of the messages behind those on the heap, the
 * entries that selector consumers took from deep in it, and reading, writing and freeing their content (in
 * the store for stored messages, else in the page store). Accounts the index's heap with the memory guard.
 * Guarded by the owning queue's lock.
 */
final class QueuePager {
    private final QueueHost host;
    private final PagingPolicy policy;
    private final PagedIndex[] levels;
    /** Per level, entries acquired straight from a paged slot, by slot index. */
    private final Map<Long, QueueEntry>[] taken;
    private int live;

    @SuppressWarnings("unchecked")
    QueuePager(QueueHost host, int levelCount) {
        this.host = host;
        this.policy = host.paging();
        this.levels = new PagedIndex[levelCount];
        this.taken = new Map[levelCount];
    }

    /** Whether level {@code level} has paged slots (its new arrivals must be paged too, to stay in order). */
    boolean hasPaged(int level) {
        return levels[level] != null && !levels[level].isEmpty();
    }

    /** Paged slots of every level, available or taken. */
    int live() {
        return live;
    }

    /** The level's index; only when {@link #hasPaged}. */
    PagedIndex index(int level) {
        return levels[level];
    }

    int readAhead() {
        return policy.readAhead();
    }

    /** Whether an arrival of this level goes to the paged part. */
    boolean shouldPage(int level, long queueHeapBytes, long storeId) {
        return hasPaged(level) || policy.shouldPage(queueHeapBytes, !contentInStore(storeId));
    }

    private boolean contentInStore(long storeId) {
        return storeId != 0;
    }

    /** Appends an available message at the tail of its level, writing its content to the page store if needed. */
    void append(int level, Message message, long storeId, long expiresAt, int deliveryCount) {
        long ref = contentInStore(storeId) ? PageRef.ofStore(storeId) : PageRef.ofPage(policy.pages().append(message));
        appendRef(level, ref, expiresAt, message.bodySize(), deliveryCount);
    }

    /** Appends a stored message by its summary alone. */
    void appendStored(int level, long storeId, long expiresAt, int bodySize, int deliveryCount) {
        appendRef(level, PageRef.ofStore(storeId), expiresAt, bodySize, deliveryCount);
    }

    private void appendRef(int level, long ref, long expiresAt, int bodySize, int deliveryCount) {
        if (levels[level] == null) {
            levels[level] = new PagedIndex();
        }
        levels[level].append(ref, expiresAt, bodySize, deliveryCount);
        live++;
        host.memory().add(PagedIndex.BYTES_PER_MESSAGE);
    }

    /** The content of a paged slot. */
    Message read(int level, long slot) {
        long ref = levels[level].ref(slot);
        return PageRef.isStored(ref) ? host.store().read(PageRef.storeId(ref)) : policy.pages().read(PageRef.location(ref));
    }

    long storeId(int level, long slot) {
        return PageRef.storeId(levels[level].ref(slot));
    }

    /** Removes a slot; frees its page-store content (stored content is the queue's to dequeue). */
    void remove(int level, long slot) {
        PagedIndex index = levels[level];
        long ref = index.ref(slot);
        if (index.state(slot) == PagedIndex.ACQUIRED) {
            taken[level].remove(slot);
        }
        index.remove(slot);
        live--;
        if (!PageRef.isStored(ref)) {
            policy.pages().release(PageRef.location(ref));
        }
        // After the page store: a producer waiting for disk room is woken by this release.
        host.memory().release(PagedIndex.BYTES_PER_MESSAGE);
    }

    /** Records that a consumer took the slot as {@code entry}; the slot keeps its place until settled. */
    void take(int level, long slot, QueueEntry entry) {
        levels[level].set(slot, PagedIndex.ACQUIRED, entry.deliveryCount);
        if (taken[level] == null) {
            taken[level] = new HashMap<>();
        }
        taken[level].put(slot, entry);
        entry.paged = true;
        entry.level = level;
        entry.index = slot;
    }

    /** The entry a consumer took from the slot. */
    QueueEntry taken(int level, long slot) {
        return taken[level].get(slot);
    }

    /** Puts a taken slot back: available again, with the entry's delivery count. */
    void giveBack(QueueEntry entry) {
        taken[entry.level].remove(entry.index);
        levels[entry.level].set(entry.index, PagedIndex.AVAILABLE, entry.deliveryCount);
        entry.paged = false;
    }

    /** Frees every slot's page-store content and forgets the paged part (queue deletion). */
    void clear() {
        for (int l = 0; l < levels.length; l++) {
            PagedIndex index = levels[l];
            if (index == null) {
                continue;
            }
            for (long s = index.start(), end = index.end(); s < end; s++) {
                if (index.state(s) != PagedIndex.REMOVED && !PageRef.isStored(index.ref(s))) {
                    policy.pages().release(PageRef.location(index.ref(s)));
                }
            }
            index.clear();
            taken[l] = null;
        }
        host.memory().release((long) live * PagedIndex.BYTES_PER_MESSAGE);
        live = 0;
    }
}
