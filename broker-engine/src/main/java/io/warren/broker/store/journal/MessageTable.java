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
 * blocks of parallel columns (id, location, enqueue time, holder) rather than a hash map. Within a block ids,
 * locations and enqueue times are kept as {@code int} differences from a base ({@link LongColumn}) and holders as
 * {@code short}s ({@link HolderColumn}), so a message held by one queue with no redelivery, which is nearly always,
 * costs 14 bytes. A block whose values spread too far for that (ids far apart, operations in two segments, enqueue
 * times more than 24 days apart, queue indexes beyond 32,767) keeps that column wide until a resize finds it fits
 * again. A message held by several queues, or delivered and returned, keeps its holders in a small
 * {@link QueueHolds} object on the side. Blocks shrink and merge as messages go, so a table thinned by random
 * acknowledgements stays at least about half full.
 *
 * <p>Thread-safe: every method locks the table for a lookup or one change; the journal's writer (whoever holds its
 * writer role) changes it, any thread may look up a location.
 */
final class MessageTable {
    /** Holder of a message stored but not (yet) enqueued on any queue. */
    static final int NO_QUEUE = -1;
    /** Holder of a message whose holds are in {@link #extended}. */
    private static final int EXTENDED = -2;
    private static final int BLOCK = 1024;
    private static final int MIN_BLOCK = 8;

    private final List<MessageBlock> blocks = new ArrayList<>();
    private final Long2ObjectHashMap<QueueHolds> extended = new Long2ObjectHashMap<>();
    private int size;
    private boolean keepSummaries;

    /**
     * One message as {@link #next} copies it out: id, location and its holds. Reused from call to call by one
     * thread.
     */
    static final class Row {
        long id;
        long location;
        /** The packed summary recovery kept, 0 if it kept none. */
        long summary;
        /** The queues holding it; a copy, in no particular order. */
        final QueueHolds holds = new QueueHolds();
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
        for (MessageBlock block : blocks) {
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
        MessageBlock block = blocks.get(b);
        int i = block.find(id);
        return i < 0 ? MessageLocation.NONE : block.locations.get(i);
    }

    /** Records a stored message, held by no queue yet; a message stored again keeps its holds and moves. */
    synchronized void stored(long id, long location) {
        stored(id, location, 0);
    }

    /** As {@link #stored(long, long)}, with the packed summary to keep while {@link #keepSummaries} says so. */
    synchronized void stored(long id, long location, long summary) {
        int b = blockOf(id);
        if (b >= 0) {
            MessageBlock block = blocks.get(b);
            int i = block.find(id);
            if (i >= 0) {
                block.locations.set(i, location);
                if (block.summaries != null) {
                    block.summaries[i] = summary;
                }
                return;
            }
        }
        insert(Math.max(b, 0), id, location);
        size++;
        MessageBlock block = blocks.get(blockOf(id));
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
        MessageBlock block = blocks.get(b);
        int i = block.find(id);
        if (i < 0 || MessageLocation.sequence(block.locations.get(i)) > maxSequence) {
            return false;
        }
        block.locations.set(i, location);
        return true;
    }

    /**
     * Adds {@code queue} to the message's holders, unless it holds it already.
     *
     * @throws IllegalStateException if the message was never stored
     */
    synchronized void enqueue(long id, int queue, long enqueuedAt) {
        int b = blockOf(id);
        MessageBlock block = b < 0 ? null : blocks.get(b);
        int i = block == null ? -1 : block.find(id);
        if (i < 0) {
            throw new IllegalStateException("message " + id + " enqueued on queue " + queue + " was never stored");
        }
        int holder = block.holders.get(i);
        if (holder == NO_QUEUE) {
            block.holders.set(i, queue);
            block.enqueuedAt.set(i, enqueuedAt);
        } else if (holder == EXTENDED) {
            QueueHolds holds = extended.get(id);
            if (holds.indexOf(queue) < 0) {
                holds.add(queue, enqueuedAt, 0);
            }
        } else if (holder != queue) {
            QueueHolds holds = new QueueHolds();
            holds.add(holder, block.enqueuedAt.get(i), 0);
            holds.add(queue, enqueuedAt, 0);
            extended.put(id, holds);
            block.holders.set(i, EXTENDED);
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
        MessageBlock block = blocks.get(b);
        int i = block.find(id);
        if (i < 0) {
            return false;
        }
        int holder = block.holders.get(i);
        if (holder == EXTENDED) {
            QueueHolds holds = extended.get(id);
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
        MessageBlock block = blocks.get(b);
        int i = block.find(id);
        if (i < 0) {
            return;
        }
        int holder = block.holders.get(i);
        if (holder == EXTENDED) {
            QueueHolds holds = extended.get(id);
            int h = holds.indexOf(queue);
            if (h >= 0) {
                holds.deliveryCounts[h] = count;
            }
        } else if (holder == queue && count != 0) {
            QueueHolds holds = new QueueHolds();
            holds.add(queue, block.enqueuedAt.get(i), count);
            extended.put(id, holds);
            block.holders.set(i, EXTENDED);
        }
    }

    /**
     * Removes {@code queue} from every message's holders (the queue was deleted); messages it alone held leave the
     * table. Takes time in proportion to the table.
     */
    synchronized void releaseQueue(int queue) {
        for (int b = 0; b < blocks.size(); b++) {
            MessageBlock block = blocks.get(b);
            for (int i = 0; i < block.count; ) {
                long id = block.ids.get(i);
                int holder = block.holders.get(i);
                boolean gone = holder == queue;
                if (holder == EXTENDED) {
                    QueueHolds holds = extended.get(id);
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
        for (MessageBlock block : blocks) {
            for (int i = 0; i < block.count; ) {
                if (block.holders.get(i) == NO_QUEUE) {
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
            MessageBlock block = blocks.get(b);
            int i = block.find(afterId);
            i = i >= 0 ? i + 1 : -i - 1;
            if (i < block.count) {
                row.id = block.ids.get(i);
                row.location = block.locations.get(i);
                row.summary = block.summaries == null ? 0 : block.summaries[i];
                int holder = block.holders.get(i);
                row.holds.count = 0;
                if (holder == EXTENDED) {
                    QueueHolds holds = extended.get(row.id);
                    for (int h = 0; h < holds.count; h++) {
                        row.holds.add(holds.queues[h], holds.enqueuedAt[h], holds.deliveryCounts[h]);
                    }
                } else if (holder != NO_QUEUE) {
                    row.holds.add(holder, block.enqueuedAt.get(i), 0);
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
            if (blocks.get(mid).firstId() <= id) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private void insert(int b, long id, long location) {
        if (blocks.isEmpty()) {
            blocks.add(new MessageBlock(MIN_BLOCK, keepSummaries));
        }
        MessageBlock block = blocks.get(b);
        int at = -block.find(id) - 1;
        if (block.count == block.capacity()) {
            if (block.capacity() < BLOCK) {
                block.resize(Math.min(BLOCK, block.capacity() * 2));
            } else {
                MessageBlock upper = new MessageBlock(BLOCK, block.summaries != null);
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
        block.ids.set(at, id);
        block.locations.set(at, location);
        block.enqueuedAt.clear(at, block.count);
        block.holders.set(at, NO_QUEUE);
    }

    private void remove(int b, int i) {
        blocks.get(b).close(i);
        size--;
        tidy(b);
    }

    /** Drops an empty block, merges a thin one into its successor, or shrinks it, keeping blocks half full. */
    private void tidy(int b) {
        MessageBlock block = blocks.get(b);
        if (block.count == 0) {
            blocks.remove(b);
            return;
        }
        if (b + 1 < blocks.size() && block.count + blocks.get(b + 1).count <= BLOCK / 2) {
            merge(b);
        } else if (b > 0 && block.count + blocks.get(b - 1).count <= BLOCK / 2) {
            merge(b - 1);
        } else if (block.capacity() > MIN_BLOCK && block.count < block.capacity() / 2) {
            block.resize(Math.max(MIN_BLOCK, block.count + block.count / 4));
        }
    }

    private void merge(int b) {
        MessageBlock first = blocks.get(b);
        MessageBlock second = blocks.remove(b + 1);
        int total = first.count + second.count;
        if (first.capacity() < total) {
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
