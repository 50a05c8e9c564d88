package io.warren.broker.queue;

import java.util.Arrays;

/**
 * A binary min-heap of entries by expiry time that can remove any entry in O(log n), so an acknowledged
 * message leaves the heap at once instead of lingering until its expiry. Guarded by the queue's lock.
 */
final class ExpiryHeap {
    private QueueEntry[] heap = new QueueEntry[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    QueueEntry peek() {
        return size == 0 ? null : heap[0];
    }

    void add(QueueEntry e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = e;
        e.heapIndex = size;
        size++;
        siftUp(e.heapIndex);
    }

    QueueEntry poll() {
        if (size == 0) {
            return null;
        }
        QueueEntry top = heap[0];
        removeAt(0);
        return top;
    }

    void remove(QueueEntry e) {
        if (e.heapIndex >= 0 && e.heapIndex < size && heap[e.heapIndex] == e) {
            removeAt(e.heapIndex);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private void removeAt(int i) {
        QueueEntry removed = heap[i];
        removed.heapIndex = -1;
        size--;
        if (i == size) {
            heap[size] = null;
            return;
        }
        QueueEntry last = heap[size];
        heap[size] = null;
        heap[i] = last;
        last.heapIndex = i;
        siftDown(i);
        if (heap[i] == last) {
            siftUp(i);
        }
    }

    private void siftUp(int i) {
        QueueEntry e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            QueueEntry p = heap[parent];
            if (p.expiresAt <= e.expiresAt) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = e;
        e.heapIndex = i;
    }

    private void siftDown(int i) {
        QueueEntry e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].expiresAt < heap[child].expiresAt) {
                child = right;
            }
            if (e.expiresAt <= heap[child].expiresAt) {
                break;
            }
            heap[i] = heap[child];
            heap[i].heapIndex = i;
            i = child;
        }
        heap[i] = e;
        e.heapIndex = i;
    }
}
