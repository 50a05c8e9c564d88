package io.warren.broker.queue;

import java.util.Arrays;

/**
 * The entries of one priority level in arrival order, addressed by a monotonically growing index so that
 * cursors stay valid while the head is trimmed. Removed entries leave a null slot until the head passes
 * them. Guarded by the owning queue's lock.
 */
final class EntryList {
    private QueueEntry[] slots = new QueueEntry[16];
    /** Index of slots[head]. */
    private long base;
    private int head;
    private int size;
    /** Lowest index that may hold an available entry. */
    long firstAvailable;

    long start() {
        return base;
    }

    long end() {
        return base + size;
    }

    QueueEntry get(long index) {
        if (index < base || index >= base + size) {
            return null;
        }
        return slots[(int) ((head + (index - base)) & (slots.length - 1))];
    }

    void append(QueueEntry e) {
        if (size == slots.length) {
            grow();
        }
        e.index = base + size;
        slots[(head + size) & (slots.length - 1)] = e;
        size++;
    }

    private void grow() {
        QueueEntry[] n = new QueueEntry[slots.length * 2];
        int firstPart = Math.min(size, slots.length - head);
        System.arraycopy(slots, head, n, 0, firstPart);
        System.arraycopy(slots, 0, n, firstPart, size - firstPart);
        slots = n;
        head = 0;
    }

    /** Clears the entry's slot and trims empty slots at the head. */
    void remove(QueueEntry e) {
        long i = e.index;
        if (i < base || i >= base + size) {
            return;
        }
        slots[(int) ((head + (i - base)) & (slots.length - 1))] = null;
        while (size > 0 && slots[head] == null) {
            head = (head + 1) & (slots.length - 1);
            base++;
            size--;
        }
        if (size == 0 && slots.length > 1024) {
            slots = new QueueEntry[16];
            head = 0;
        }
        if (firstAvailable < base) {
            firstAvailable = base;
        }
    }

    void clear() {
        Arrays.fill(slots, null);
        base += size;
        size = 0;
        head = 0;
        firstAvailable = base;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
