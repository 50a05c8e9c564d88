package io.warren.broker.store.journal;

import java.util.Arrays;

/**
 * The queues holding one message of the {@link MessageTable} when there are several, or when one delivered it and
 * took it back: queue index, enqueue time and delivery count of each. Guarded by the table's lock.
 */
final class QueueHolds {
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
