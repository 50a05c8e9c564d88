package io.warren.broker.queue;

import io.warren.broker.BrowseBatch;
import io.warren.broker.BrowsePosition;
import io.warren.broker.exchange.MessageEvaluationContext;
import io.warren.broker.paging.PagedIndex;
import io.warren.message.Message;
import io.warren.selector.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One step of a queue browse, in two phases: {@link #collectLocked} walks the levels under the queue's lock from a
 * {@link BrowsePosition}, taking heap content as it is and noting only the refs of paged content; {@link #finish}
 * then reads the paged content in runs and applies the selector without the lock.
 *
 * <p>Within a level, heap entries precede paged slots and both are in arrival order; paging in moves the paged
 * head behind the heap entries. Positions therefore count each level's arrival sequence ({@link QueueEntry#seq}),
 * which paging keeps, instead of places: a message browsed in the paged part and paged in later is recognised by
 * its sequence and not returned again, and one paged in before the browse reached it is found on the heap.
 */
final class BrowseScan {
    /** The largest batch {@link MessageQueue#browse(Selector, String)} asks for at once. */
    static final int MAX_BATCH = 256;

    /** Per candidate: content on the heap, or null to read by {@link #refs}. */
    private final Message[] contents;
    private final int[] deliveryCounts;
    /** (candidate, ref) pairs of the paged content to read. */
    private final long[] refs;
    private int count;
    private int toRead;
    private BrowsePosition next;

    private BrowseScan(int max) {
        contents = new Message[max];
        deliveryCounts = new int[max];
        refs = new long[2 * max];
    }

    /** Notes the next at most {@code max} candidates after {@code after}. Caller holds the queue's lock. */
    static BrowseScan collectLocked(EntryList[] levels, QueuePager pager, BrowsePosition after, int max, long now) {
        BrowseScan scan = new BrowseScan(max);
        if (after.isDone()) {
            scan.next = after;
            return scan;
        }
        int l = Math.min(after.level(), levels.length - 1);
        long seq = after.sequence();
        long hint = after.heapHint();
        while (l >= 0) {
            EntryList list = levels[l];
            long i = Math.max(hint, list.start());
            for (; i < list.end() && scan.count < max; i++) {
                QueueEntry e = list.get(i);
                // An entry at or before the position was paged in after the browse saw it in the paged part.
                if (e == null || e.seq <= seq) {
                    continue;
                }
                seq = e.seq;
                if ((e.state == QueueEntry.AVAILABLE || e.state == QueueEntry.ACQUIRED) && !e.isExpired(now)) {
                    scan.add(e.message, e.deliveryCount);
                }
            }
            hint = i;
            if (scan.count == max) {
                break;
            }
            if (pager.hasPaged(l)) {
                PagedIndex index = pager.index(l);
                long s = pager.slotAfter(l, seq);
                for (; s < index.end() && scan.count < max; s++) {
                    int state = index.state(s);
                    long expiresAt = index.expiresAt(s);
                    seq = pager.seq(l, s);
                    if (state == PagedIndex.REMOVED || expiresAt != 0 && expiresAt <= now) {
                        continue;
                    }
                    if (state == PagedIndex.ACQUIRED) {
                        QueueEntry e = pager.taken(l, s);
                        scan.add(e.message, e.deliveryCount);
                    } else {
                        Message cached = pager.cached(l, s);
                        if (cached != null) {
                            scan.add(cached, index.deliveryCount(s));
                        } else {
                            scan.addRef(index.ref(s), index.deliveryCount(s));
                        }
                    }
                }
                if (s < index.end()) {
                    break;
                }
            }
            l--;
            seq = -1;
            hint = Long.MIN_VALUE;
        }
        scan.next = new BrowsePosition(l, seq, hint);
        return scan;
    }

    private void add(Message m, int deliveryCount) {
        contents[count] = m;
        deliveryCounts[count++] = deliveryCount;
    }

    private void addRef(long ref, int deliveryCount) {
        refs[2 * toRead] = count;
        refs[2 * toRead + 1] = ref;
        toRead++;
        add(null, deliveryCount);
    }

    /**
     * Reads the paged candidates and keeps those {@code filter} selects, in order; without the queue's lock.
     * Content gone meanwhile (consumed, purged) reads as null and is left out: the message left the queue.
     */
    BrowseBatch finish(QueuePager pager, Selector filter) {
        if (toRead > 0) {
            Message[] read = pager.readRefs(Arrays.copyOf(refs, 2 * toRead));
            for (int k = 0; k < toRead; k++) {
                contents[(int) refs[2 * k]] = read[k];
            }
        }
        List<Message> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Message m = contents[i];
            if (m != null && (filter == null
                    || filter.matches(new MessageEvaluationContext(m, deliveryCounts[i] + 1)))) {
                out.add(m);
            }
        }
        return new BrowseBatch(out, next);
    }
}
