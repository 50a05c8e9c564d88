package io.warren.broker.store.journal;

import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.RecoveryHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays each declared queue's messages, queue after queue in declaration order and each in ascending id order,
 * from the {@link MessageTable}. With a few queues holding messages it walks the table once per queue; with many it
 * first sorts the ids out per queue (eight bytes a message for the moment), so replay stays linear either way. The
 * handler is called without the table locked, so it may read messages.
 */
final class QueueReplay {
    /** Up to this many queues holding messages, the table is walked once for each. */
    private static final int WALKS = 8;

    private final LiveState state;
    private final MessageTable table;
    private final RecoveryHandler handler;
    private final MessageTable.Row row = new MessageTable.Row();

    QueueReplay(LiveState state, RecoveryHandler handler) {
        this.state = state;
        this.table = state.table();
        this.handler = handler;
    }

    void run() {
        int[] counts = new int[state.queueCount()];
        for (long after = Long.MIN_VALUE; table.next(after, row); after = row.id) {
            for (int h = 0; h < row.holds.count; h++) {
                counts[row.holds.queues[h]]++;
            }
        }
        List<Integer> queues = new ArrayList<>();
        for (QueueRecord q : state.entities().queues()) {
            int index = state.queueIndexOf(q.virtualHost(), q.name());
            if (index >= 0 && counts[index] > 0) {
                queues.add(index);
            }
        }
        if (queues.size() <= WALKS) {
            queues.forEach(this::walk);
        } else {
            sorted(queues, counts);
        }
    }

    private void walk(int queue) {
        for (long after = Long.MIN_VALUE; table.next(after, row); after = row.id) {
            emit(queue);
        }
    }

    private void sorted(List<Integer> queues, int[] counts) {
        long[][] ids = new long[counts.length][];
        int[] filled = new int[counts.length];
        for (int q : queues) {
            ids[q] = new long[counts[q]];
        }
        for (long after = Long.MIN_VALUE; table.next(after, row); after = row.id) {
            for (int h = 0; h < row.holds.count; h++) {
                int q = row.holds.queues[h];
                if (ids[q] != null && filled[q] < ids[q].length) {
                    ids[q][filled[q]++] = row.id;
                }
            }
        }
        for (int q : queues) {
            for (int i = 0; i < filled[q]; i++) {
                if (table.next(ids[q][i] - 1, row) && row.id == ids[q][i]) {
                    emit(q);
                }
            }
            ids[q] = null;
        }
    }

    /** Replays the message in {@link #row} if {@code queue} holds it. */
    private void emit(int queue) {
        for (int h = 0; h < row.holds.count; h++) {
            if (row.holds.queues[h] == queue) {
                MessageSummary summary = state.summary(row);
                handler.message(state.virtualHostOf(queue), state.queueNameOf(queue), summary,
                        row.holds.deliveryCounts[h], row.holds.enqueuedAt[h]);
                return;
            }
        }
    }
}
