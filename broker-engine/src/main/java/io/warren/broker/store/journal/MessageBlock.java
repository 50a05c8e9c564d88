package io.warren.broker.store.journal;

import java.util.Arrays;

/**
 * A run of the {@link MessageTable}'s messages in ascending id order, as parallel primitive arrays: id, location,
 * enqueue time and holder, and while recovery keeps them, packed summaries. Guarded by the table's lock.
 */
final class MessageBlock {
    long[] ids;
    long[] locations;
    long[] enqueuedAt;
    int[] holders;
    /** Packed summaries while recovery keeps them, else null. */
    long[] summaries;
    int count;

    MessageBlock(int capacity, boolean withSummaries) {
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
    void moveTail(int from, MessageBlock into) {
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
    void append(MessageBlock other) {
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
