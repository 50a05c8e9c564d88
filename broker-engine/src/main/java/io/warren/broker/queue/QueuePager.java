package io.warren.broker.queue;

import io.warren.broker.paging.PageRef;
import io.warren.broker.paging.PagedIndex;
import io.warren.broker.paging.PagingPolicy;
import io.warren.message.Message;
import java.util.HashMap;
import java.util.Map;

/**
 * A queue's paged part: per priority level a {@link PagedIndex} of the messages behind those on the heap, the
 * entries that selector consumers took from deep in it, content read ahead for the slots at its head, and
 * reading, writing and freeing content (in the store for stored messages, else in the page store). Accounts
 * the index's and the read-ahead's heap with the memory guard. Guarded by the owning queue's lock, except
 * {@link #readRef}, which reads without it.
 */
final class QueuePager {
    private final QueueHost host;
    private final PagingPolicy policy;
    private final PagedIndex[] levels;
    /** Per level, entries acquired straight from a paged slot, by slot index. */
    private final Map<Long, QueueEntry>[] taken;
    /** Per level, content read ahead (off the lock) for slots near the head, by slot index. */
    private final Map<Long, Message>[] ahead;
    private final boolean[] reading;
    /** Per level, whether the last read-ahead left content at the head unread (gone meanwhile, or unreadable). */
    private final boolean[] readShort;
    /**
     * Per level, arrival sequence minus slot index: a level's arrivals all go to its paged part while it has
     * paged slots, so slots and sequences advance together from the moment the part starts.
     */
    private final long[] seqOffset;
    private int live;

    QueuePager(QueueHost host, int levelCount) {
        this.host = host;
        this.policy = host.paging();
        this.levels = new PagedIndex[levelCount];
        this.taken = perLevel(levelCount);
        this.ahead = perLevel(levelCount);
        this.reading = new boolean[levelCount];
        this.readShort = new boolean[levelCount];
        this.seqOffset = new long[levelCount];
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<Long, V>[] perLevel(int levelCount) {
        return (Map<Long, V>[]) new Map<?, ?>[levelCount];
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

    /**
     * The ref under which a message about to be paged is read back: its store id, or its content written to the
     * page store now. Changes nothing in the queue, so a failed write ({@code STORE_ERROR}) leaves it as it was.
     */
    long write(Message message, long storeId) {
        return contentInStore(storeId) ? PageRef.ofStore(storeId) : PageRef.ofPage(policy.pages().append(message));
    }

    /** Frees the content {@link #write} wrote for a message that was then not paged. */
    void discard(long ref) {
        if (ref != 0 && !PageRef.isStored(ref)) {
            policy.pages().release(PageRef.location(ref));
        }
    }

    /** Appends a stored message by its summary alone. */
    void appendStored(int level, long seq, long storeId, long expiresAt, int bodySize, int deliveryCount) {
        appendRef(level, seq, PageRef.ofStore(storeId), expiresAt, bodySize, deliveryCount);
    }

    /** Appends an available message at the tail of its level by its ref (from {@link #write}). */
    void appendRef(int level, long seq, long ref, long expiresAt, int bodySize, int deliveryCount) {
        if (levels[level] == null) {
            levels[level] = new PagedIndex();
        }
        if (levels[level].isEmpty()) {
            seqOffset[level] = seq - levels[level].end();
        }
        levels[level].append(ref, expiresAt, bodySize, deliveryCount);
        live++;
        host.memory().add(PagedIndex.footprint(expiresAt));
    }

    /** The content of a paged slot: read ahead, or read now. */
    Message read(int level, long slot) {
        Message m = ahead[level] == null ? null : ahead[level].remove(slot);
        if (m != null) {
            host.memory().release(m.footprint());
            return m;
        }
        return readRef(levels[level].ref(slot));
    }

    /** The content of a slot, leaving read-ahead content in place (for looking at it, not paging it in). */
    Message peek(int level, long slot) {
        Message m = ahead[level] == null ? null : ahead[level].get(slot);
        return m != null ? m : readRef(levels[level].ref(slot));
    }

    /**
     * The content of up to {@code max} available slots from {@code from} on, by slot, read in runs: what a
     * selector scan of the level is about to look at. Slots with read-ahead content or unreadable content are
     * left out.
     */
    Map<Long, Message> readFrom(int level, long from, int max) {
        PagedIndex index = levels[level];
        long[] pairs = new long[2 * max];
        int n = 0;
        for (long s = Math.max(from, index.start()); s < index.end() && n < max; s++) {
            if (index.state(s) == PagedIndex.AVAILABLE && (ahead[level] == null || !ahead[level].containsKey(s))) {
                pairs[2 * n] = s;
                pairs[2 * n + 1] = index.ref(s);
                n++;
            }
        }
        Message[] contents = readRefs(java.util.Arrays.copyOf(pairs, 2 * n));
        Map<Long, Message> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (contents[i] != null) {
                out.put(pairs[2 * i], contents[i]);
            }
        }
        return out;
    }

    /** Reads content by its ref; safe without the queue's lock (the stores are thread-safe). */
    Message readRef(long ref) {
        return PageRef.isStored(ref) ? host.store().read(PageRef.storeId(ref)) : policy.pages().read(PageRef.location(ref));
    }

    /**
     * Reads the content of (slot, ref) pairs without the queue's lock, page-store content in runs; null for
     * content that cannot be read now.
     */
    Message[] readRefs(long[] pairs) {
        int n = pairs.length / 2;
        Message[] out = new Message[n];
        long[] locations = new long[n];
        int[] at = new int[n];
        int pages = 0;
        for (int i = 0; i < n; i++) {
            long ref = pairs[2 * i + 1];
            if (PageRef.isStored(ref)) {
                try {
                    out[i] = host.store().read(PageRef.storeId(ref));
                } catch (io.warren.broker.BrokerException gone) {
                    // Dequeued meanwhile, or a store error that the consumer's own read reports.
                }
            } else {
                locations[pages] = PageRef.location(ref);
                at[pages++] = i;
            }
        }
        if (pages > 0) {
            Message[] read = policy.pages().read(java.util.Arrays.copyOf(locations, pages));
            for (int k = 0; k < pages; k++) {
                out[at[k]] = read[k];
            }
        }
        return out;
    }

    /**
     * Reads the content of the level's next page-in batch on the page reader, without the lock, and keeps it
     * under {@code queue}'s lock for the page-in to come. Caller holds that lock.
     */
    void readAheadLocked(int level, MessageQueue queue) {
        long[] pairs = startReadAhead(level, policy.readAhead());
        if (pairs == null) {
            return;
        }
        try {
            policy.reader().execute(() -> {
                // Content gone meanwhile (purged, expired, taken) reads as null; so does a disk error, which the
                // page-in's own read then reports to the consumer.
                Message[] contents = readRefs(pairs);
                queue.lock();
                try {
                    if (!queue.isDeleted()) {
                        finishReadAhead(level, pairs, contents);
                        queue.readAheadArrivedLocked();
                    }
                } finally {
                    queue.unlock();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            reading[level] = false;
        }
    }

    /**
     * Whether a consumer's page-in of the level should wait for content still on disk: a read-ahead of the
     * level's head is under way, or is started now, off the lock, and {@code queue} dispatches when it is in. False
     * when the head's content is in, and when the last read-ahead came back short, so that the page-in reads what
     * is missing itself (and the consumer hears of content that cannot be read). Caller holds the lock.
     */
    boolean awaitHead(int level, MessageQueue queue) {
        if (reading[level]) {
            return true;
        }
        if (unread(level, policy.readAhead()) == null) {
            return false;
        }
        if (readShort[level]) {
            readShort[level] = false;
            return false;
        }
        readAheadLocked(level, queue);
        return reading[level];
    }

    /** The arrival sequence of a slot of the level. */
    long seq(int level, long slot) {
        return slot + seqOffset[level];
    }

    /** The first slot of the level whose arrival sequence is above {@code seq}. */
    long slotAfter(int level, long seq) {
        return Math.max(levels[level].start(), seq + 1 - seqOffset[level]);
    }

    /** Content of the slot read ahead and kept on the heap, or null. */
    Message cached(int level, long slot) {
        return ahead[level] == null ? null : ahead[level].get(slot);
    }

    /**
     * The refs of up to {@code max} available slots from the head of the level that have no content read ahead,
     * as pairs (slot, ref), or null when a read-ahead of the level is running or there is nothing to read; marks
     * the level as being read.
     */
    private long[] startReadAhead(int level, int max) {
        if (reading[level] || !hasPaged(level)) {
            return null;
        }
        long[] pairs = unread(level, max);
        reading[level] = pairs != null;
        return pairs;
    }

    /** Reads the content of the next {@code max} slots now (under the lock), in runs, unless read ahead already. */
    void readNow(int level, int max) {
        long[] pairs = unread(level, max);
        if (pairs != null) {
            keep(level, pairs, readRefs(pairs));
        }
    }

    private long[] unread(int level, int max) {
        PagedIndex index = levels[level];
        long[] pairs = new long[2 * max];
        int n = 0;
        int looked = 0;
        for (long s = index.start(); s < index.end() && looked < max; s++) {
            if (index.state(s) == PagedIndex.REMOVED) {
                continue;
            }
            looked++;
            if (index.state(s) == PagedIndex.AVAILABLE && (ahead[level] == null || !ahead[level].containsKey(s))) {
                pairs[2 * n] = s;
                pairs[2 * n + 1] = index.ref(s);
                n++;
            }
        }
        return n == 0 ? null : java.util.Arrays.copyOf(pairs, 2 * n);
    }

    /** Keeps content read ahead for slots still available with the same ref; ends the level's read-ahead. */
    private void finishReadAhead(int level, long[] pairs, Message[] contents) {
        reading[level] = false;
        keep(level, pairs, contents);
        readShort[level] = hasPaged(level) && unread(level, policy.readAhead()) != null;
    }

    private void keep(int level, long[] pairs, Message[] contents) {
        PagedIndex index = levels[level];
        if (index == null) {
            return;
        }
        for (int i = 0; i < contents.length; i++) {
            long s = pairs[2 * i];
            if (contents[i] != null && s >= index.start() && s < index.end() && index.state(s) == PagedIndex.AVAILABLE
                    && index.ref(s) == pairs[2 * i + 1]) {
                if (ahead[level] == null) {
                    ahead[level] = new HashMap<>();
                }
                if (ahead[level].put(s, contents[i]) == null) {
                    host.memory().add(contents[i].footprint());
                }
            }
        }
    }

    private void dropAhead(int level, long slot) {
        if (ahead[level] != null) {
            Message m = ahead[level].remove(slot);
            if (m != null) {
                host.memory().release(m.footprint());
            }
        }
    }

    long storeId(int level, long slot) {
        return PageRef.storeId(levels[level].ref(slot));
    }

    /** Removes a slot; frees its page-store content (stored content is the queue's to dequeue). */
    void remove(int level, long slot) {
        PagedIndex index = levels[level];
        if (index.state(slot) == PagedIndex.REMOVED) {
            // Its page-file record must be released once only: the file goes when its count reaches zero.
            return;
        }
        long ref = index.ref(slot);
        long footprint = PagedIndex.footprint(index.expiresAt(slot));
        if (index.state(slot) == PagedIndex.ACQUIRED) {
            taken[level].remove(slot);
        }
        dropAhead(level, slot);
        index.remove(slot);
        live--;
        if (!PageRef.isStored(ref)) {
            policy.pages().release(PageRef.location(ref));
        }
        // After the page store: a producer waiting for disk room is woken by this release.
        host.memory().release(footprint);
    }

    /** Records that a consumer took the slot as {@code entry}; the slot keeps its place until settled. */
    void take(int level, long slot, QueueEntry entry) {
        dropAhead(level, slot);
        levels[level].set(slot, PagedIndex.ACQUIRED, entry.deliveryCount);
        if (taken[level] == null) {
            taken[level] = new HashMap<>();
        }
        taken[level].put(slot, entry);
        entry.seq = seq(level, slot);
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
        long footprints = 0;
        for (int l = 0; l < levels.length; l++) {
            PagedIndex index = levels[l];
            if (index == null) {
                continue;
            }
            for (long s = index.start(), end = index.end(); s < end; s++) {
                if (index.state(s) == PagedIndex.REMOVED) {
                    continue;
                }
                footprints += PagedIndex.footprint(index.expiresAt(s));
                if (!PageRef.isStored(index.ref(s))) {
                    policy.pages().release(PageRef.location(index.ref(s)));
                }
            }
            index.clear();
            taken[l] = null;
            if (ahead[l] != null) {
                ahead[l].values().forEach(m -> host.memory().release(m.footprint()));
                ahead[l] = null;
            }
        }
        host.memory().release(footprints);
        live = 0;
    }
}
