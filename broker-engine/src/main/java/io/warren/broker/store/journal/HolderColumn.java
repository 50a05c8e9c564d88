package io.warren.broker.store.journal;

import java.util.Arrays;

/**
 * The holder column of a {@link MessageBlock}: each row's queue index or one of the table's markers, kept as
 * {@code short}s, two bytes a row, while every one fits, which it does until a broker has declared 32,767 durable
 * queues. A holder out of range widens the whole column to {@code int}s; a resize narrows it again when the rows in
 * use fit. Guarded by the table's lock.
 */
final class HolderColumn {
    /** The holders while narrow, else null. */
    private short[] narrow;
    /** The holders while wide, else null. */
    private int[] wide;

    HolderColumn(int capacity) {
        narrow = new short[capacity];
    }

    int capacity() {
        return narrow != null ? narrow.length : wide.length;
    }

    boolean isWide() {
        return wide != null;
    }

    int get(int i) {
        return narrow != null ? narrow[i] : wide[i];
    }

    void set(int i, int holder) {
        if (narrow != null) {
            if (holder == (short) holder) {
                narrow[i] = (short) holder;
                return;
            }
            widen();
        }
        wide[i] = holder;
    }

    /**
     * Copies to {@code capacity} rows, of which the first {@code count} are in use; narrows the column if those fit.
     */
    void resize(int capacity, int count) {
        if (narrow != null) {
            narrow = Arrays.copyOf(narrow, capacity);
            return;
        }
        for (int i = 0; i < count; i++) {
            if (wide[i] != (short) wide[i]) {
                wide = Arrays.copyOf(wide, capacity);
                return;
            }
        }
        short[] holders = new short[capacity];
        for (int i = 0; i < count; i++) {
            holders[i] = (short) wide[i];
        }
        narrow = holders;
        wide = null;
    }

    /** Shifts rows {@code [at, count)} up by one, leaving row {@code at} to be set. */
    void open(int at, int count) {
        System.arraycopy(rows(), at, rows(), at + 1, count - at);
    }

    /** Shifts rows {@code (at, count)} down by one over row {@code at}. */
    void close(int at, int count) {
        System.arraycopy(rows(), at + 1, rows(), at, count - at - 1);
    }

    /** Sets rows {@code [to, to + n)} to the holders of {@code from}'s rows {@code [at, at + n)}. */
    void copy(HolderColumn from, int at, int to, int n) {
        if (narrow != null && from.narrow != null) {
            System.arraycopy(from.narrow, at, narrow, to, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            set(to + k, from.get(at + k));
        }
    }

    /** The array in use, narrow or wide. */
    private Object rows() {
        return narrow != null ? narrow : wide;
    }

    private void widen() {
        int[] holders = new int[narrow.length];
        for (int i = 0; i < narrow.length; i++) {
            holders[i] = narrow[i];
        }
        wide = holders;
        narrow = null;
    }
}
