package io.warren.broker.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one priority level of a queue whose content is not on the heap, in arrival order: for each,
 * where its content is ({@link PageRef}), when it expires, its body size, its delivery count and whether it is
 * available or handed to a consumer. Kept in primitive arrays of fixed-size chunks, so a paged message costs
 * {@value #BYTES_PER_MESSAGE} bytes of heap whatever the backlog ({@value #EXPIRY_BYTES} more in a chunk where any
 * message expires), and chunks are freed as the head passes them.
 *
 * <p>Slots are addressed by a monotonically growing index, so positions stay valid while the head is trimmed;
 * a removed slot stays as a tombstone until the head passes it. Not thread-safe: guarded by the owning
 * queue's lock.
 */
public final class PagedIndex {
    /** Heap per paged message: a ref, a size and the state-and-count word. */
    public static final int BYTES_PER_MESSAGE = 8 + 4 + 4;
    /** Heap per paged message for its expiry, in chunks where some message expires. */
    public static final int EXPIRY_BYTES = 8;
    /** Available to consumers. */
    public static final int AVAILABLE = 0;
    /** Handed to a consumer whose entry refers back to this slot (found deep in the backlog by a selector). */
    public static final int ACQUIRED = 1;
    /** Gone; the slot waits for the head to pass it. */
    public static final int REMOVED = 2;

    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int STATE_SHIFT = 30;
    private static final int COUNT_MASK = (1 << STATE_SHIFT) - 1;

    /** One chunk of slots; its arrays are parallel. */
    private static final class Chunk {
        final long[] refs = new long[CHUNK];
        /** Allocated by the first message of the chunk that expires: most backlogs have no TTL. */
        long[] expiries;
        final int[] sizes = new int[CHUNK];
        /** Delivery count in the low 30 bits, state in the top two. */
        final int[] words = new int[CHUNK];
    }

    private final List<Chunk> chunks = new ArrayList<>();
    /** Index of the first slot of chunks[0]. */
    private long chunkBase;
    private long start;
    private long end;
    private int live;

    /** Index of the oldest slot that is not trimmed (it may be a tombstone only when the index is empty). */
    public long start() {
        return start;
    }

    /** Index the next appended slot gets. */
    public long end() {
        return end;
    }

    /** Slots not removed: available and acquired ones. */
    public int live() {
        return live;
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** Adds an available message at the tail; returns its index. */
    public long append(long ref, long expiresAt, int size, int deliveryCount) {
        int offset = (int) (end - chunkBase);
        if (offset >> CHUNK_BITS == chunks.size()) {
            chunks.add(new Chunk());
        }
        Chunk c = chunks.get(offset >> CHUNK_BITS);
        int i = offset & (CHUNK - 1);
        c.refs[i] = ref;
        if (expiresAt != 0) {
            if (c.expiries == null) {
                c.expiries = new long[CHUNK];
            }
            c.expiries[i] = expiresAt;
        } else if (c.expiries != null) {
            c.expiries[i] = 0;
        }
        c.sizes[i] = size;
        c.words[i] = Math.min(deliveryCount, COUNT_MASK);
        live++;
        return end++;
    }

    private Chunk chunk(long index) {
        if (index < start || index >= end) {
            throw new IndexOutOfBoundsException("slot " + index + " outside [" + start + ", " + end + ")");
        }
        return chunks.get((int) ((index - chunkBase) >> CHUNK_BITS));
    }

    private static int slot(long index) {
        return (int) (index & (CHUNK - 1));
    }

    public long ref(long index) {
        return chunk(index).refs[slot(index)];
    }

    public long expiresAt(long index) {
        long[] expiries = chunk(index).expiries;
        return expiries == null ? 0 : expiries[slot(index)];
    }

    public int size(long index) {
        return chunk(index).sizes[slot(index)];
    }

    public int deliveryCount(long index) {
        return chunk(index).words[slot(index)] & COUNT_MASK;
    }

    /** The slot's state; {@link #REMOVED} for a slot the head has passed. */
    public int state(long index) {
        if (index < start) {
            return REMOVED;
        }
        return chunk(index).words[slot(index)] >>> STATE_SHIFT;
    }

    /** Marks a live slot available or acquired, with its delivery count. */
    public void set(long index, int state, int deliveryCount) {
        if (state == REMOVED) {
            throw new IllegalArgumentException("use remove");
        }
        chunk(index).words[slot(index)] = state << STATE_SHIFT | Math.min(deliveryCount, COUNT_MASK);
    }

    /** Turns a live slot into a tombstone and trims tombstones at the head, freeing passed chunks. */
    public void remove(long index) {
        Chunk c = chunk(index);
        int i = slot(index);
        if (c.words[i] >>> STATE_SHIFT == REMOVED) {
            return;
        }
        c.words[i] = REMOVED << STATE_SHIFT;
        live--;
        while (start < end && state(start) == REMOVED) {
            start++;
        }
        while (start - chunkBase >= CHUNK) {
            chunks.remove(0);
            chunkBase += CHUNK;
        }
        if (start == end) {
            // Empty: the last chunk goes too; the next append starts a new one at the same position.
            chunks.clear();
        }
    }

    /** What the memory guard counts for a paged message that expires at {@code expiresAt} (0: never). */
    public static long footprint(long expiresAt) {
        return expiresAt == 0 ? BYTES_PER_MESSAGE : BYTES_PER_MESSAGE + EXPIRY_BYTES;
    }

    /** Forgets every slot; indices keep growing from where they were. */
    public void clear() {
        chunks.clear();
        start = end;
        chunkBase = end & -CHUNK;
        live = 0;
    }
}
