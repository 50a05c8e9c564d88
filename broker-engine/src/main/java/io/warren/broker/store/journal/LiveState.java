package io.warren.broker.store.journal;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.store.DurableEntities;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.StoreOperation;
import io.warren.broker.store.StoreOperation.BindingCreated;
import io.warren.broker.store.StoreOperation.BindingDeleted;
import io.warren.broker.store.StoreOperation.DeliveryCountUpdated;
import io.warren.broker.store.StoreOperation.ExchangeCreated;
import io.warren.broker.store.StoreOperation.MessageDequeued;
import io.warren.broker.store.StoreOperation.MessageEnqueued;
import io.warren.broker.store.StoreOperation.MessageStored;
import io.warren.broker.store.StoreOperation.QueueCreated;
import io.warren.broker.store.StoreOperation.QueueDeleted;
import io.warren.message.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import io.warren.message.MessageCodec;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2IntHashMap;

/**
 * The journal's in-memory view of what its records amount to: the durable entities, and for each stored message
 * still held only where it is on disk and which queues hold it ({@link MessageTable}), never its content. Also the
 * highest message id ever stored, which a snapshot must keep even when that message is gone, and the average size
 * of a stored message, from which compaction estimates what a snapshot would rewrite.
 *
 * <p>Changed by one thread at a time (recovery, then the writer). The message table and the queue names may be
 * read concurrently (by readers and compaction); the entities may not.
 */
final class LiveState {
    /** Rough encoded size of a message's enqueue operation and record overhead in a snapshot. */
    private static final int PER_MESSAGE_OVERHEAD = 64;
    /** Up to this many operations, a batch is searched for its stored messages instead of indexing them. */
    private static final int SMALL_BATCH = 16;
    private static final long EXPIRES = 1L << 40;
    private static final long DELAYED = 1L << 41;

    private final DurableEntities entities = new DurableEntities();
    private final MessageTable table = new MessageTable();
    private final Object2IntHashMap<String> queueIndexes = new Object2IntHashMap<>(-1);
    /** Virtual host and name of each queue index. */
    private final List<String[]> queueNames = new CopyOnWriteArrayList<>();
    /** Non-zero expirations and delivery times of recovered messages, until they are replayed. */
    private final Long2LongHashMap expirations = new Long2LongHashMap(0);
    private final Long2LongHashMap deliveryTimes = new Long2LongHashMap(0);
    private long storedCount;
    private long storedBytes;
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
                boolean known = table.contains(id)
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

    /**
     * Applies a batch just encoded into a buffer: {@code opStarts[i]} is where operation {@code i} starts in the
     * buffer, {@code end} where the record ends, and {@code base} the segment offset of the buffer's first byte.
     */
    void apply(List<StoreOperation> ops, long sequence, long base, int[] opStarts, int end) {
        for (int i = 0; i < ops.size(); i++) {
            StoreOperation op = ops.get(i);
            if (op instanceof MessageStored m) {
                int length = (i + 1 < ops.size() ? opStarts[i + 1] : end) - opStarts[i];
                stored(m.messageId(), MessageLocation.of(sequence, base + opStarts[i]), length);
            } else {
                apply(op);
            }
        }
    }

    /**
     * Keeps what {@link #replay} needs of each message recovered from now on, so that it reads no bodies; eight
     * bytes a message more (and the non-zero expirations and delivery times) until the replay.
     */
    void keepSummaries() {
        table.keepSummaries();
    }

    /** A stored message recovery found at {@code location}, with what a queue needs of it. */
    void recovered(long messageId, long location, int length, MessageCodec.Header header) {
        long summary = (header.bodySize() & 0xffffffffL) | (long) header.priority() << 32
                | (header.expiration() != 0 ? EXPIRES : 0) | (header.deliveryTime() != 0 ? DELAYED : 0);
        table.stored(messageId, location, summary);
        if (header.expiration() != 0) {
            expirations.put(messageId, header.expiration());
        } else {
            expirations.remove(messageId);
        }
        if (header.deliveryTime() != 0) {
            deliveryTimes.put(messageId, header.deliveryTime());
        } else {
            deliveryTimes.remove(messageId);
        }
        count(messageId, length);
    }

    /** The summary {@link #recovered} kept of the message in {@code row}. */
    MessageSummary summary(MessageTable.Row row) {
        long packed = row.summary;
        return new MessageSummary(row.id, (int) (packed >>> 32) & 0xff,
                (packed & EXPIRES) != 0 ? expirations.get(row.id) : 0,
                (packed & DELAYED) != 0 ? deliveryTimes.get(row.id) : 0, (int) packed);
    }

    /** A stored message, now at {@code location}, its operation {@code length} bytes long. */
    void stored(long messageId, long location, int length) {
        table.stored(messageId, location);
        count(messageId, length);
    }

    private void count(long messageId, int length) {
        storedCount++;
        storedBytes += length;
        highestMessageId = Math.max(highestMessageId, messageId);
    }

    /**
     * Applies any operation but a stored message.
     *
     * @throws IllegalStateException if it enqueues a message that was never stored
     */
    void apply(StoreOperation op) {
        if (op instanceof MessageStored m) {
            throw new IllegalArgumentException("message " + m.messageId() + " stored without a location");
        } else if (op instanceof MessageEnqueued m) {
            table.enqueue(m.messageId(), queueIndex(m.virtualHost(), m.queue()), m.enqueuedAt());
        } else if (op instanceof MessageDequeued m) {
            int queue = queueIndexes.getValue(DurableEntities.key(m.virtualHost(), m.queue()));
            if (queue >= 0) {
                table.dequeue(m.messageId(), queue);
            }
        } else if (op instanceof DeliveryCountUpdated d) {
            int queue = queueIndexes.getValue(DurableEntities.key(d.virtualHost(), d.queue()));
            if (queue >= 0) {
                table.deliveryCount(d.messageId(), queue, d.deliveryCount());
            }
        } else {
            entities.apply(op);
            if (op instanceof QueueDeleted q) {
                int queue = queueIndexes.getValue(DurableEntities.key(q.virtualHost(), q.name()));
                if (queue >= 0) {
                    table.releaseQueue(queue);
                }
            }
        }
    }

    private int queueIndex(String virtualHost, String name) {
        String key = DurableEntities.key(virtualHost, name);
        int index = queueIndexes.getValue(key);
        if (index < 0) {
            index = queueNames.size();
            queueNames.add(new String[] {virtualHost, name});
            queueIndexes.put(key, index);
        }
        return index;
    }

    /** Drops messages stored but never held by a queue; recovery calls this once every record is applied. */
    void dropUnreferenced() {
        table.dropUnreferenced();
    }

    /** Raises the highest message id to at least {@code messageId} (from a snapshot's begin record). */
    void noteHighestMessageId(long messageId) {
        highestMessageId = Math.max(highestMessageId, messageId);
    }

    long highestMessageId() {
        return highestMessageId;
    }

    /** Estimated size of a snapshot's message records: what compaction would have to rewrite. */
    long liveMessageBytes() {
        long count = table.size();
        long average = storedCount == 0 ? 0 : storedBytes / storedCount;
        return count * (average + PER_MESSAGE_OVERHEAD);
    }

    int messageCount() {
        return table.size();
    }

    MessageTable table() {
        return table;
    }

    DurableEntities entities() {
        return entities;
    }

    /** The index of a queue that has held messages, or -1. */
    int queueIndexOf(String virtualHost, String name) {
        return queueIndexes.getValue(DurableEntities.key(virtualHost, name));
    }

    int queueCount() {
        return queueNames.size();
    }

    String virtualHostOf(int queue) {
        return queueNames.get(queue)[0];
    }

    String queueNameOf(int queue) {
        return queueNames.get(queue)[1];
    }

    /**
     * Replays the recovered state into {@code handler} in the order {@link RecoveryHandler} documents, each message
     * as the {@link MessageSummary} recovery kept, then frees the summaries.
     */
    void replay(RecoveryHandler handler) {
        entities.replayDeclarations(handler);
        new QueueReplay(this, handler).run();
        entities.replayPrepared(handler);
        table.dropSummaries();
        expirations.clear();
        deliveryTimes.clear();
        expirations.compact();
        deliveryTimes.compact();
    }
}
