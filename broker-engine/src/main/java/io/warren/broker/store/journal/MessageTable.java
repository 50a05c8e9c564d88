package io.warren.broker.store.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The journal's record of every stored message it still holds: for each store id, where the message lies on disk
 * ({@link MessageLocation}) and which queues hold it, with when each received it and how often each delivered it.
 * No content: {@link JournalStore#read} reads that from the segment.
 *
 * <p>Store ids are allocated in ascending order and mostly written in that order, so the table is a sorted run of
 * blocks of parallel primitive arrays (id, location, enqueue time, holder) rather than a hash map: 28 bytes a
 * message while it is held by one queue with no redelivery, which is nearly always. A message held by several
 * queues, or delivered and returned, keeps its holders in a small {@link Holds} object on the side. Blocks shrink
 * and merge as messages go, so a table thinned by random acknowledgements stays at least about half full.
 *
 * <p>Thread-safe: every method locks the table for a lookup or one change; the writer thread changes it, any thread
 * may look up a location.
 */
final class MessageTable {
    /** Holder of a message stored but not (yet) enqueued on any queue. */
    static final int NO_QUEUE = -1;
    /** Holder of a message whose holds are in {@link #extended}. */
    private static final int EXTENDED = -2;
    private static final int BLOCK = 1024;
    private static final int MIN_BLOCK = 8;

    private final List<Block> blocks = new ArrayList<>();
    private final Long2ObjectHashMap<Holds> extended = new Long2ObjectHashMap<>();
    private int size;
    private boolean keepSummaries;

    /** A run of messages in ascending id order. */
    private static final class Block {
        long[] ids;
        long[] locations;
        long[] enqueuedAt;
        int[] holders;
        /** Packed summaries while recovery keeps them, else null. */
        long[] summaries;
        int count;

        Block(int capacity, boolean withSummaries) {
            ids = new long[capacity];
            locations = new long[capacity];
            enqueuedAt = new long[capacity];
            holders = new int[capacity];
            summaries = withSummaries ? new long[capacity] : null;
        }

        void resize(int capacity) {
            ids = Arrays.copyOf(ids, capacity);
            locations = Arrays.copyOf(locations, capacity);
            enqueuedAt = Arrays.copyOf(enqueuedAt, capacity);
            holders = Arrays.copyOf(holders, capacity);
            if (summaries != null) {
                summaries = Arrays.copyOf(summaries, capacity);
            }
        }

        void open(int at) {
            System.arraycopy(ids, at, ids, at + 1, count - at);
            System.arraycopy(locations, at, locations, at + 1, count - at);
            System.arraycopy(enqueuedAt, at, enqueuedAt, at + 1, count - at);
            System.arraycopy(holders, at, holders, at + 1, count - at);
            if (summaries != null) {
                System.arraycopy(summaries, at, summaries, at + 1, count - at);
            }
            count++;
        }

        void close(int at) {
            System.arraycopy(ids, at + 1, ids, at, count - at - 1);
            System.arraycopy(locations, at + 1, locations, at, count - at - 1);
            System.arraycopy(enqueuedAt, at + 1, enqueuedAt, at, count - at - 1);
            System.arraycopy(holders, at + 1, holders, at, count - at - 1);
            if (summaries != null) {
                System.arraycopy(summaries, at + 1, summaries, at, count - at - 1);
            }
            count--;
        }

        /** Moves entries {@code [from, count)} to the start of {@code into}, which is empty. */
        void moveTail(int from, Block into) {
            int n = count - from;
            System.arraycopy(ids, from, into.ids, 0, n);
            System.arraycopy(locations, from, into.locations, 0, n);
            System.arraycopy(enqueuedAt, from, into.enqueuedAt, 0, n);
            System.arraycopy(holders, from, into.holders, 0, n);
            if (summaries != null) {
                System.arraycopy(summaries, from, into.summaries, 0, n);
            }
            into.count = n;
            count = from;
        }

        /** Appends every entry of {@code other}; the capacity must suffice. */
        void append(Block other) {
            System.arraycopy(other.ids, 0, ids, count, other.count);
            System.arraycopy(other.locations, 0, locations, count, other.count);
            System.arraycopy(other.enqueuedAt, 0, enqueuedAt, count, other.count);
            System.arraycopy(other.holders, 0, holders, count, other.count);
            if (summaries != null) {
                System.arraycopy(other.summaries, 0, summaries, count, other.count);
            }
            count += other.count;
        }

        int find(long id) {
            return Arrays.binarySearch(ids, 0, count, id);
        }
    }

    /** The queues holding a message when there are several, or when one delivered it and took it back. */
    private static final class Holds {
        int[] queues = new int[2];
        long[] enqueuedAt = new long[2];
        int[] deliveryCounts = new int[2];
        int count;

        int indexOf(int queue) {
            for (int i = 0; i < count; i++) {
                if (queues[i] == queue) {
                    return i;
                }
            }
            return -1;
        }

        void add(int queue, long at, int deliveryCount) {
            if (count == queues.length) {
                queues = Arrays.copyOf(queues, count * 2);
                enqueuedAt = Arrays.copyOf(enqueuedAt, count * 2);
                deliveryCounts = Arrays.copyOf(deliveryCounts, count * 2);
            }
            queues[count] = queue;
            enqueuedAt[count] = at;
            deliveryCounts[count] = deliveryCount;
            count++;
        }

        void remove(int i) {
            count--;
            queues[i] = queues[count];
            enqueuedAt[i] = enqueuedAt[count];
            deliveryCounts[i] = deliveryCounts[count];
        }
    }

    /**
     * One message as {@link #next} copies it out: id, location and its holds ({@code holdCount} entries of the
     * arrays, in no particular order). Reused from call to call by one thread.
     */
    static final class Row {
        long id;
        long location;
        /** The packed summary recovery kept, 0 if it kept none. */
        long summary;
        int holdCount;
        int[] queues = new int[4];
        long[] enqueuedAt = new long[4];
        int[] deliveryCounts = new int[4];

        private void hold(int i, int queue, long at, int deliveryCount) {
            if (i == queues.length) {
                queues = Arrays.copyOf(queues, i * 2);
                enqueuedAt = Arrays.copyOf(enqueuedAt, i * 2);
                deliveryCounts = Arrays.copyOf(deliveryCounts, i * 2);
            }
            queues[i] = queue;
            enqueuedAt[i] = at;
            deliveryCounts[i] = deliveryCount;
        }
    }

    /**
     * Keeps a packed summary with each message stored from now on, as recovery needs for replaying without reading
     * bodies: eight bytes a message more until {@link #dropSummaries}. Only on an empty table.
     */
    synchronized void keepSummaries() {
        if (size > 0) {
            throw new IllegalStateException("summaries must be kept from the start");
        }
        keepSummaries = true;
        blocks.clear();
    }

    /** Stops keeping summaries and frees them. */
    synchronized void dropSummaries() {
        keepSummaries = false;
        for (Block block : blocks) {
            block.summaries = null;
        }
    }

    synchronized int size() {
        return size;
    }

    synchronized boolean contains(long id) {
        int b = blockOf(id);
        return b >= 0 && blocks.get(b).find(id) >= 0;
    }

    /** Where the message is on disk, or {@link MessageLocation#NONE} when the table does not hold it. */
    synchronized long location(long id) {
        int b = blockOf(id);
        if (b < 0) {
            return MessageLocation.NONE;
        }
        Block block = blocks.get(b);
        int i = block.find(id);
        return i < 0 ? MessageLocation.NONE : block.locations[i];
    }

    /** Records a stored message, held by no queue yet; a message stored again keeps its holds and moves. */
    synchronized void stored(long id, long location) {
        stored(id, location, 0);
    }

    /** As {@link #stored(long, long)}, with the packed summary to keep while {@link #keepSummaries} says so. */
    synchronized void stored(long id, long location, long summary) {
        int b = blockOf(id);
        if (b >= 0) {
            Block block = blocks.get(b);
            int i = block.find(id);
            if (i >= 0) {
                block.locations[i] = location;
                if (block.summaries != null) {
                    block.summaries[i] = summary;
                }
                return;
            }
        }
        insert(Math.max(b, 0), id, location);
        size++;
        Block block = blocks.get(blockOf(id));
        if (block.summaries != null) {
            block.summaries[block.find(id)] = summary;
        }
    }

    /**
     * Moves a message to {@code location} if it is still in a segment up to {@code maxSequence}, where compaction
     * copied it from; false if it went or was stored again since.
     */
    synchronized boolean relocate(long id, long maxSequence, long location) {
        int b = blockOf(id);
        if (b < 0) {
            return false;
        }
        Block block = blocks.get(b);
        int i = block.find(id);
        if (i < 0 || MessageLocation.sequence(block.locations[i]) > maxSequence) {
            return false;
        }
        block.locations[i] = location;
        return true;
    }

    /**
     * Adds {@code queue} to the message's holders, unless it holds it already.
     *
     * @throws IllegalStateException if the message was never stored
     */
    synchronized void enqueue(long id, int queue, long enqueuedAt) {
        int b = blockOf(id);
        Block block = b < 0 ? null : blocks.get(b);
        int i = block == null ? -1 : block.find(id);
        if (i < 0) {
            throw new IllegalStateException("message " + id + " enqueued on queue " + queue + " was never stored");
        }
        int holder = block.holders[i];
        if (holder == NO_QUEUE) {
            block.holders[i] = queue;
            block.enqueuedAt[i] = enqueuedAt;
        } else if (holder == EXTENDED) {
            Holds holds = extended.get(id);
            if (holds.indexOf(queue) < 0) {
                holds.add(queue, enqueuedAt, 0);
            }
        } else if (holder != queue) {
            Holds holds = new Holds();
            holds.add(holder, block.enqueuedAt[i], 0);
            holds.add(queue, enqueuedAt, 0);
            extended.put(id, holds);
            block.holders[i] = EXTENDED;
        }
    }

    /**
     * Removes {@code queue} from the message's holders; a message no queue holds any more leaves the table.
     *
     * @return true if the message left the table
     */
    synchronized boolean dequeue(long id, int queue) {
        int b = blockOf(id);
        if (b < 0) {
            return false;
        }
        Block block = blocks.get(b);
        int i = block.find(id);
        if (i < 0) {
            return false;
        }
        int holder = block.holders[i];
        if (holder == EXTENDED) {
            Holds holds = extended.get(id);
            int h = holds.indexOf(queue);
            if (h < 0) {
                return false;
            }
            holds.remove(h);
            if (holds.count > 0) {
                return false;
            }
            extended.remove(id);
        } else if (holder != queue) {
            return false;
        }
        remove(b, i);
        return true;
    }

    /** Sets how often {@code queue} delivered the message; ignored if the queue does not hold it. */
    synchronized void deliveryCount(long id, int queue, int count) {
        int b = blockOf(id);
        if (b < 0) {
            return;
        }
        Block block = blocks.get(b);
        int i = block.find(id);
        if (i < 0) {
            return;
        }
        int holder = block.holders[i];
        if (holder == EXTENDED) {
            Holds holds = extended.get(id);
            int h = holds.indexOf(queue);
            if (h >= 0) {
                holds.deliveryCounts[h] = count;
            }
        } else if (holder == queue && count != 0) {
            Holds holds = new Holds();
            holds.add(queue, block.enqueuedAt[i], count);
            extended.put(id, holds);
            block.holders[i] = EXTENDED;
        }
    }

    /**
     * Removes {@code queue} from every message's holders (the queue was deleted); messages it alone held leave the
     * table. Takes time in proportion to the table.
     */
    synchronized void releaseQueue(int queue) {
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            for (int i = 0; i < block.count; ) {
                long id = block.ids[i];
                int holder = block.holders[i];
                boolean gone = holder == queue;
                if (holder == EXTENDED) {
                    Holds holds = extended.get(id);
                    int h = holds.indexOf(queue);
                    if (h >= 0) {
                        holds.remove(h);
                        gone = holds.count == 0;
                        if (gone) {
                            extended.remove(id);
                        }
                    }
                }
                if (gone) {
                    block.close(i);
                    size--;
                } else {
                    i++;
                }
            }
        }
        tidyAll();
    }

    /** Removes the messages stored but never enqueued; recovery calls this once every record is applied. */
    synchronized void dropUnreferenced() {
        for (Block block : blocks) {
            for (int i = 0; i < block.count; ) {
                if (block.holders[i] == NO_QUEUE) {
                    block.close(i);
                    size--;
                } else {
                    i++;
                }
            }
        }
        tidyAll();
    }

    /**
     * Copies the message with the smallest id above {@code afterId} into {@code row}; false when there is none.
     * Iterating with the last id returned visits every message once, in ascending order, while the table changes.
     */
    synchronized boolean next(long afterId, Row row) {
        int b = Math.max(blockOf(afterId), 0);
        for (; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            int i = block.find(afterId);
            i = i >= 0 ? i + 1 : -i - 1;
            if (i < block.count) {
                row.id = block.ids[i];
                row.location = block.locations[i];
                row.summary = block.summaries == null ? 0 : block.summaries[i];
                int holder = block.holders[i];
                if (holder == EXTENDED) {
                    Holds holds = extended.get(row.id);
                    for (int h = 0; h < holds.count; h++) {
                        row.hold(h, holds.queues[h], holds.enqueuedAt[h], holds.deliveryCounts[h]);
                    }
                    row.holdCount = holds.count;
                } else if (holder == NO_QUEUE) {
                    row.holdCount = 0;
                } else {
                    row.hold(0, holder, block.enqueuedAt[i], 0);
                    row.holdCount = 1;
                }
                return true;
            }
        }
        return false;
    }

    /** The block whose first id is the greatest not above {@code id}: -1 if the table is empty, 0 if all are. */
    private int blockOf(long id) {
        int low = 0;
        int high = blocks.size() - 1;
        if (high < 0) {
            return -1;
        }
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (blocks.get(mid).ids[0] <= id) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private void insert(int b, long id, long location) {
        if (blocks.isEmpty()) {
            blocks.add(new Block(MIN_BLOCK, keepSummaries));
        }
        Block block = blocks.get(b);
        int at = -block.find(id) - 1;
        if (block.count == block.ids.length) {
            if (block.ids.length < BLOCK) {
                block.resize(Math.min(BLOCK, block.ids.length * 2));
            } else {
                Block upper = new Block(BLOCK, block.summaries != null);
                // Appending in id order fills blocks completely; a split in the middle leaves room for stragglers.
                int from = at == block.count ? block.count : block.count / 2;
                block.moveTail(from, upper);
                blocks.add(b + 1, upper);
                if (at >= from) {
                    block = upper;
                    at -= from;
                }
            }
        }
        block.open(at);
        block.ids[at] = id;
        block.locations[at] = location;
        block.enqueuedAt[at] = 0;
        block.holders[at] = NO_QUEUE;
    }

    private void remove(int b, int i) {
        blocks.get(b).close(i);
        size--;
        tidy(b);
    }

    /** Drops an empty block, merges a thin one into its successor, or shrinks it, keeping blocks half full. */
    private void tidy(int b) {
        Block block = blocks.get(b);
        if (block.count == 0) {
            blocks.remove(b);
            return;
        }
        if (b + 1 < blocks.size() && block.count + blocks.get(b + 1).count <= BLOCK / 2) {
            merge(b);
        } else if (b > 0 && block.count + blocks.get(b - 1).count <= BLOCK / 2) {
            merge(b - 1);
        } else if (block.ids.length > MIN_BLOCK && block.count < block.ids.length / 2) {
            block.resize(Math.max(MIN_BLOCK, block.count + block.count / 4));
        }
    }

    private void merge(int b) {
        Block first = blocks.get(b);
        Block second = blocks.remove(b + 1);
        int total = first.count + second.count;
        if (first.ids.length < total) {
            first.resize(Math.min(BLOCK, total + total / 4));
        }
        first.append(second);
    }

    private void tidyAll() {
        for (int b = blocks.size() - 1; b >= 0; b--) {
            if (b < blocks.size()) {
                tidy(b);
            }
        }
    }
}
