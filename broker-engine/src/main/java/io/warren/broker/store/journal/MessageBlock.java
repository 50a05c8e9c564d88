package io.warren.broker.store.journal;

import java.util.Arrays;

/**
 * A run of the {@link MessageTable}'s messages in ascending id order, as parallel columns: id, location, enqueue
 * time and holder, and while recovery keeps them, packed summaries. Ids, locations and enqueue times are
 * {@link LongColumn}s, four bytes a row each while the block's values lie close together (ids allocated together,
 * operations in one segment, enqueue times within 24 days), eight otherwise; holders are a {@link HolderColumn}, two
 * bytes a row while queue indexes fit in a {@code short}, four otherwise. So a row costs 14 bytes in the common case.
 * An enqueue time is only read for a row held by one queue; other rows keep whatever keeps the column narrow.
 * Guarded by the table's lock.
 */
final class MessageBlock {
    final LongColumn ids;
    final LongColumn locations;
    final LongColumn enqueuedAt;
    final HolderColumn holders;
    /** Packed summaries while recovery keeps them, else null. */
    long[] summaries;
    int count;

    MessageBlock(int capacity, boolean withSummaries) {
        ids = new LongColumn(capacity);
        locations = new LongColumn(capacity);
        enqueuedAt = new LongColumn(capacity);
        holders = new HolderColumn(capacity);
        summaries = withSummaries ? new long[capacity] : null;
    }

    int capacity() {
        return holders.capacity();
    }

    long firstId() {
        return ids.get(0);
    }

    void resize(int capacity) {
        ids.resize(capacity, count);
        locations.resize(capacity, count);
        enqueuedAt.resize(capacity, count);
        holders.resize(capacity, count);
        if (summaries != null) {
            summaries = Arrays.copyOf(summaries, capacity);
        }
    }

    void open(int at) {
        ids.open(at, count);
        locations.open(at, count);
        enqueuedAt.open(at, count);
        holders.open(at, count);
        if (summaries != null) {
            System.arraycopy(summaries, at, summaries, at + 1, count - at);
        }
        count++;
    }

    void close(int at) {
        ids.close(at, count);
        locations.close(at, count);
        enqueuedAt.close(at, count);
        holders.close(at, count);
        if (summaries != null) {
            System.arraycopy(summaries, at + 1, summaries, at, count - at - 1);
        }
        count--;
    }

    /** Moves entries {@code [from, count)} to the start of {@code into}, which is empty. */
    void moveTail(int from, MessageBlock into) {
        int n = count - from;
        into.ids.copy(ids, from, 0, n);
        into.locations.copy(locations, from, 0, n);
        into.enqueuedAt.copy(enqueuedAt, from, 0, n);
        into.holders.copy(holders, from, 0, n);
        if (summaries != null) {
            System.arraycopy(summaries, from, into.summaries, 0, n);
        }
        into.count = n;
        count = from;
    }

    /** Appends every entry of {@code other}; the capacity must suffice. */
    void append(MessageBlock other) {
        ids.copy(other.ids, 0, count, other.count);
        locations.copy(other.locations, 0, count, other.count);
        enqueuedAt.copy(other.enqueuedAt, 0, count, other.count);
        holders.copy(other.holders, 0, count, other.count);
        if (summaries != null) {
            System.arraycopy(other.summaries, 0, summaries, count, other.count);
        }
        count += other.count;
    }

    int find(long id) {
        return ids.binarySearch(count, id);
    }
}
