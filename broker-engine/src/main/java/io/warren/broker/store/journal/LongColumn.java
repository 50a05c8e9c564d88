package io.warren.broker.store.journal;

import java.util.Arrays;

/**
 * One column of {@code long} values of a {@link MessageBlock}, kept as {@code int} differences from a base while
 * every value lies within an {@code int} of it, which is four bytes a row instead of eight. The first value written
 * to an empty column becomes the base. A value out of reach widens the whole column to {@code long}s; a resize
 * narrows a wide column again when its values fit between a new base and an {@code int} either side.
 *
 * <p>Differences are taken modulo 2<sup>64</sup>, so any two {@code long}s, negative ones (a location with its
 * record flag) included, come back exactly. Guarded by the table's lock.
 */
final class LongColumn {
    private long base;
    private boolean based;
    /** The differences from {@link #base} while narrow, else null. */
    private int[] narrow;
    /** The values while wide, else null. */
    private long[] wide;

    LongColumn(int capacity) {
        narrow = new int[capacity];
    }

    int capacity() {
        return narrow != null ? narrow.length : wide.length;
    }

    boolean isWide() {
        return wide != null;
    }

    long get(int i) {
        return narrow != null ? base + narrow[i] : wide[i];
    }

    void set(int i, long value) {
        if (narrow != null) {
            if (!based) {
                base = value;
                based = true;
            }
            long difference = value - base;
            if (difference == (int) difference) {
                narrow[i] = (int) difference;
                return;
            }
            widen();
        }
        wide[i] = value;
    }

    /**
     * Copies to {@code capacity} rows, of which the first {@code count} are in use; narrows the column if those fit.
     */
    void resize(int capacity, int count) {
        if (narrow != null) {
            narrow = Arrays.copyOf(narrow, capacity);
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, wide[i]);
            max = Math.max(max, wide[i]);
        }
        long span = max - min;
        if (count == 0 || span < 0 || span > 0xFFFF_FFFFL) {
            wide = Arrays.copyOf(wide, capacity);
            return;
        }
        // Centred so that values up to an int below the smallest and above the largest still fit later.
        long centre = min + span / 2;
        int[] differences = new int[capacity];
        for (int i = 0; i < count; i++) {
            differences[i] = (int) (wide[i] - centre);
        }
        base = centre;
        based = true;
        narrow = differences;
        wide = null;
    }

    /**
     * Gives row {@code i}, whose value nobody will read, one that keeps the column as it is: the base while narrow,
     * else a neighbour's value among rows {@code [0, count)}.
     */
    void clear(int i, int count) {
        if (narrow != null) {
            narrow[i] = 0;
        } else if (count > 1) {
            wide[i] = wide[i > 0 ? i - 1 : 1];
        }
    }

    /** Shifts rows {@code [at, count)} up by one, leaving row {@code at} to be set. */
    void open(int at, int count) {
        System.arraycopy(rows(), at, rows(), at + 1, count - at);
    }

    /** Shifts rows {@code (at, count)} down by one over row {@code at}. */
    void close(int at, int count) {
        System.arraycopy(rows(), at + 1, rows(), at, count - at - 1);
    }

    /** Sets rows {@code [to, to + n)} to the values of {@code from}'s rows {@code [at, at + n)}. */
    void copy(LongColumn from, int at, int to, int n) {
        if (narrow != null && from.narrow != null && (!based || !from.based || base == from.base)) {
            // A column never set holds no value anyone reads: its rows may take this column's base.
            if (!based) {
                base = from.base;
                based = from.based;
            }
            System.arraycopy(from.narrow, at, narrow, to, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            set(to + k, from.get(at + k));
        }
    }

    /** As {@link Arrays#binarySearch(long[], int, int, long)} over rows {@code [0, count)} in ascending order. */
    int binarySearch(int count, long key) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long value = get(mid);
            if (value < key) {
                low = mid + 1;
            } else if (value > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** The array in use, narrow or wide. */
    private Object rows() {
        return narrow != null ? narrow : wide;
    }

    private void widen() {
        long[] values = new long[narrow.length];
        for (int i = 0; i < narrow.length; i++) {
            values[i] = base + narrow[i];
        }
        wide = values;
        narrow = null;
    }
}
