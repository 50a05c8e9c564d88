package io.warren.broker.store;

import io.warren.message.Message;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The durable state that a sequence of {@link StoreOperation}s amounts to, message content included: what the
 * memory store holds. (The journal keeps the same state without the content: {@code LiveState}.) Not thread-safe:
 * callers serialise.
 */
public final class StoreState {
    private final DurableEntities entities = new DurableEntities();
    private final Map<Long, Message> messages = new HashMap<>();
    private final Map<Long, Integer> references = new HashMap<>();
    private final Map<String, TreeMap<Long, Held>> queueMessages = new HashMap<>();
    private long highestMessageId;

    /** A queue's hold on a stored message. */
    private static final class Held {
        int deliveryCount;
        final long enqueuedAt;

        Held(long enqueuedAt) {
            this.enqueuedAt = enqueuedAt;
        }
    }

    private static String key(String virtualHost, String name) {
        return DurableEntities.key(virtualHost, name);
    }

    public void apply(StoreBatch batch) {
        for (StoreOperation op : batch.operations()) {
            apply(op);
        }
    }

    public void apply(StoreOperation op) {
        entities.apply(op);
        if (op instanceof StoreOperation.QueueDeleted q) {
            TreeMap<Long, Held> held = queueMessages.remove(key(q.virtualHost(), q.name()));
            if (held != null) {
                held.keySet().forEach(this::release);
            }
        } else if (op instanceof StoreOperation.MessageStored m) {
            messages.put(m.messageId(), m.message());
            highestMessageId = Math.max(highestMessageId, m.messageId());
        } else if (op instanceof StoreOperation.MessageEnqueued m) {
            if (!messages.containsKey(m.messageId())) {
                throw new IllegalStateException("message " + m.messageId() + " enqueued on '" + m.queue()
                        + "' was never stored");
            }
            if (queueMessages.computeIfAbsent(key(m.virtualHost(), m.queue()), k -> new TreeMap<>())
                    .putIfAbsent(m.messageId(), new Held(m.enqueuedAt())) == null) {
                references.merge(m.messageId(), 1, Integer::sum);
            }
        } else if (op instanceof StoreOperation.MessageDequeued m) {
            TreeMap<Long, Held> held = queueMessages.get(key(m.virtualHost(), m.queue()));
            if (held != null && held.remove(m.messageId()) != null) {
                release(m.messageId());
            }
        } else if (op instanceof StoreOperation.DeliveryCountUpdated d) {
            TreeMap<Long, Held> held = queueMessages.get(key(d.virtualHost(), d.queue()));
            if (held != null) {
                Held h = held.get(d.messageId());
                if (h != null) {
                    h.deliveryCount = d.deliveryCount();
                }
            }
        }
    }

    private void release(long messageId) {
        Integer left = references.merge(messageId, -1, Integer::sum);
        if (left != null && left <= 0) {
            references.remove(messageId);
            messages.remove(messageId);
        }
    }

    /** The content of a message some queue still holds, or null. */
    public Message message(long messageId) {
        return messages.get(messageId);
    }

    /** Whether any queue still holds the message. */
    public boolean isLive(long messageId) {
        return references.containsKey(messageId);
    }

    /**
     * Drops messages that were stored but are held by no queue (a publish routed only to queues deleted
     * since). Recovery calls this once all batches are applied.
     */
    public void dropUnreferenced() {
        for (Iterator<Long> it = messages.keySet().iterator(); it.hasNext(); ) {
            if (!references.containsKey(it.next())) {
                it.remove();
            }
        }
    }

    public long highestMessageId() {
        return highestMessageId;
    }

    public int messageCount() {
        return messages.size();
    }

    /** Replays the state into {@code handler} in the order {@link RecoveryHandler} documents. */
    public void replay(RecoveryHandler handler) {
        entities.replayDeclarations(handler);
        for (QueueRecord q : entities.queues()) {
            TreeMap<Long, Held> held = queueMessages.get(key(q.virtualHost(), q.name()));
            if (held != null) {
                held.forEach((id, h) -> handler.message(q.virtualHost(), q.name(), id, messages.get(id),
                        h.deliveryCount, h.enqueuedAt));
            }
        }
        entities.replayPrepared(handler);
    }

    /** The XA branches prepared and not yet committed or rolled back. */
    public int preparedCount() {
        return entities.preparedCount();
    }

    /**
     * The state as a minimal batch: what a compacting store writes to replace everything before it.
     */
    public StoreBatch snapshot() {
        StoreBatch b = new StoreBatch();
        entities.forEachDeclaration(b::add);
        new TreeMap<>(messages).forEach((id, m) -> b.add(new StoreOperation.MessageStored(id, m)));
        for (QueueRecord q : entities.queues()) {
            TreeMap<Long, Held> held = queueMessages.get(key(q.virtualHost(), q.name()));
            if (held != null) {
                held.forEach((id, h) -> {
                    b.add(new StoreOperation.MessageEnqueued(q.virtualHost(), q.name(), id, h.enqueuedAt));
                    if (h.deliveryCount > 0) {
                        b.add(new StoreOperation.DeliveryCountUpdated(q.virtualHost(), q.name(), id, h.deliveryCount));
                    }
                });
            }
        }
        entities.prepared().forEach(b::add);
        return b;
    }
}
