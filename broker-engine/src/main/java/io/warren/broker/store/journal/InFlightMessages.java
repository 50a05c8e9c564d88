package io.warren.broker.store.journal;

import io.warren.broker.store.StoreOperation;
import io.warren.message.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages whose write was submitted but has not completed. The broker hands a message to its queues as soon as
 * its write is submitted, so a paged queue may read it back before the writer has put it in a segment; such a
 * read is answered from here. Entries leave when their write completes, by then the record is in its segment.
 */
final class InFlightMessages {
    private final Map<Long, Message> messages = new ConcurrentHashMap<>();

    /** Holds the messages {@code ops} store until {@code written} completes, successfully or not. */
    void track(List<StoreOperation> ops, CompletableFuture<Void> written) {
        boolean any = false;
        for (StoreOperation op : ops) {
            if (op instanceof StoreOperation.MessageStored m) {
                messages.put(m.messageId(), m.message());
                any = true;
            }
        }
        if (any) {
            written.whenComplete((v, e) -> {
                for (StoreOperation op : ops) {
                    if (op instanceof StoreOperation.MessageStored m) {
                        messages.remove(m.messageId(), m.message());
                    }
                }
            });
        }
    }

    /** The message if its write is still under way, else null. */
    Message get(long messageId) {
        return messages.get(messageId);
    }
}
