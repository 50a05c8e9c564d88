package io.warren.broker.store.journal;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.message.Values;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import io.warren.broker.store.StoreOperation.BindingCreated;
import io.warren.broker.store.StoreOperation.BindingDeleted;
import io.warren.broker.store.StoreOperation.ExchangeCreated;
import io.warren.broker.store.StoreOperation.MessageDequeued;
import io.warren.broker.store.StoreOperation.MessageEnqueued;
import io.warren.broker.store.StoreOperation.MessageStored;
import io.warren.broker.store.StoreOperation.QueueCreated;
import io.warren.broker.store.StoreOperation.QueueDeleted;
import io.warren.broker.store.StoreState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The journal's in-memory view of what its records amount to: a {@link StoreState} plus the size of the live
 * message records, which decides when compaction pays off, and the highest message id ever stored, which a
 * snapshot must keep even when that message is gone. Holds message bodies (through {@link StoreState}).
 * Confined to one thread at a time: recovery, then the writer.
 */
final class LiveState {
    /** Rough encoded size of a message's enqueue operation and record overhead in a snapshot. */
    private static final int PER_MESSAGE_OVERHEAD = 64;
    /** Up to this many operations, a batch is searched for its stored messages instead of indexing them. */
    private static final int SMALL_BATCH = 16;

    private final StoreState state = new StoreState();
    /** Every message {@link #state} holds, with its encoded size. */
    private final Map<Long, Integer> messageSizes = new HashMap<>();
    /** Stored messages no queue has held yet; they stay in {@link #state} until {@link #dropUnreferenced}. */
    private final Set<Long> neverEnqueued = new HashSet<>();
    private long liveMessageBytes;
    private long highestMessageId;

    /**
     * Rejects a batch that could not be encoded or applied, before anything is written: unsupported argument
     * values, a missing message, or an enqueue of a message that was never stored.
     */
    void validate(List<StoreOperation> ops) {
        Set<Long> storedSoFar = ops.size() > SMALL_BATCH ? new HashSet<>() : null;
        for (int i = 0; i < ops.size(); i++) {
            StoreOperation op = ops.get(i);
            if (op == null) {
                throw storeError("the batch contains a null operation");
            } else if (op instanceof MessageStored m) {
                if (m.message() == null) {
                    throw storeError("message " + m.messageId() + " has no content");
                }
                m.message().encoded();
                if (storedSoFar != null) {
                    storedSoFar.add(m.messageId());
                }
            } else if (op instanceof MessageEnqueued m) {
                long id = m.messageId();
                boolean known = messageSizes.containsKey(id)
                        || (storedSoFar != null ? storedSoFar.contains(id) : storedEarlier(ops, i, id));
                if (!known) {
                    throw storeError("message " + id + " enqueued on '" + m.queue() + "' was never stored");
                }
            } else if (op instanceof StoreOperation.TransactionPrepared t) {
                t.publishes().forEach(io.warren.message.Message::encoded);
            } else if (op instanceof ExchangeCreated e) {
                checkArguments("exchange '" + e.exchange().name() + "'", e.exchange().arguments());
            } else if (op instanceof QueueCreated q) {
                checkArguments("queue '" + q.queue().name() + "'", q.queue().arguments());
            } else if (op instanceof BindingCreated b) {
                checkArguments("binding from '" + b.binding().source() + "'", b.binding().arguments());
            } else if (op instanceof BindingDeleted b) {
                checkArguments("binding from '" + b.binding().source() + "'", b.binding().arguments());
            }
        }
    }

    private static boolean storedEarlier(List<StoreOperation> ops, int before, long messageId) {
        for (int i = 0; i < before; i++) {
            if (ops.get(i) instanceof MessageStored m && m.messageId() == messageId) {
                return true;
            }
        }
        return false;
    }

    private static void checkArguments(String owner, Map<String, Object> arguments) {
        if (!Values.isSupported(arguments)) {
            throw storeError("arguments of " + owner + " hold a value of an unsupported type: " + arguments);
        }
    }

    private static BrokerException storeError(String message) {
        return new BrokerException(ErrorCode.STORE_ERROR, "cannot store batch: " + message);
    }

    void apply(List<StoreOperation> ops) {
        for (StoreOperation op : ops) {
            apply(op);
        }
    }

    void apply(StoreOperation op) {
        if (op instanceof MessageStored m) {
            state.apply(op);
            // footprint, not encoded(): encoding a recovered message would keep a second copy of it in memory
            int size = (int) Math.min(Integer.MAX_VALUE - PER_MESSAGE_OVERHEAD, m.message().footprint());
            Integer old = messageSizes.put(m.messageId(), size);
            liveMessageBytes += old == null ? size + PER_MESSAGE_OVERHEAD : size - old;
            if (!state.isLive(m.messageId())) {
                neverEnqueued.add(m.messageId());
            }
            highestMessageId = Math.max(highestMessageId, m.messageId());
        } else if (op instanceof MessageEnqueued m) {
            state.apply(op);
            neverEnqueued.remove(m.messageId());
        } else if (op instanceof MessageDequeued m) {
            boolean wasLive = state.isLive(m.messageId());
            state.apply(op);
            if (wasLive && !state.isLive(m.messageId())) {
                forget(m.messageId());
            }
        } else if (op instanceof QueueDeleted) {
            state.apply(op);
            forgetReleased();
        } else {
            state.apply(op);
        }
    }

    private void forget(long messageId) {
        Integer size = messageSizes.remove(messageId);
        if (size != null) {
            liveMessageBytes -= size + PER_MESSAGE_OVERHEAD;
        }
    }

    /** After a queue deletion: forgets the messages {@link StoreState} released with it. */
    private void forgetReleased() {
        for (Iterator<Map.Entry<Long, Integer>> it = messageSizes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Integer> e = it.next();
            if (!state.isLive(e.getKey()) && !neverEnqueued.contains(e.getKey())) {
                liveMessageBytes -= e.getValue() + PER_MESSAGE_OVERHEAD;
                it.remove();
            }
        }
    }

    /** Drops messages stored but never held by a queue; recovery calls this once every record is applied. */
    void dropUnreferenced() {
        state.dropUnreferenced();
        neverEnqueued.forEach(this::forget);
        neverEnqueued.clear();
    }

    /** Raises the highest message id to at least {@code messageId} (from a snapshot's begin record). */
    void noteHighestMessageId(long messageId) {
        highestMessageId = Math.max(highestMessageId, messageId);
    }

    long highestMessageId() {
        return Math.max(highestMessageId, state.highestMessageId());
    }

    /** Estimated size of a snapshot's message records: what compaction would have to rewrite. */
    long liveMessageBytes() {
        return liveMessageBytes;
    }

    int messageCount() {
        return messageSizes.size();
    }

    StoreBatch snapshot() {
        return state.snapshot();
    }

    void replay(RecoveryHandler handler) {
        state.replay(handler);
    }
}
