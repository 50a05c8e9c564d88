package io.warren.broker.store;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The durable entities a sequence of {@link StoreOperation}s declares: exchanges, queues, bindings and the XA
 * branches in doubt, in declaration order. Messages are not its concern: {@link StoreState} keeps them with their
 * content, the journal keeps only where they are on disk. Not thread-safe: callers serialise.
 */
public final class DurableEntities {
    private final Map<String, ExchangeRecord> exchanges = new LinkedHashMap<>();
    private final Map<String, QueueRecord> queues = new LinkedHashMap<>();
    private final Set<BindingRecord> bindings = new LinkedHashSet<>();
    private final Map<String, StoreOperation.TransactionPrepared> prepared = new LinkedHashMap<>();

    /** The key of a queue or exchange: its virtual host and name. */
    public static String key(String virtualHost, String name) {
        return virtualHost + '\u0000' + name;
    }

    /**
     * Applies {@code op} if it declares, deletes or ends something this class keeps; message operations are left
     * to the caller. A queue deletion removes the queue and its bindings here; releasing the messages the queue
     * held is the caller's part.
     */
    public void apply(StoreOperation op) {
        if (op instanceof StoreOperation.ExchangeCreated e) {
            exchanges.put(key(e.exchange().virtualHost(), e.exchange().name()), e.exchange());
        } else if (op instanceof StoreOperation.ExchangeDeleted e) {
            exchanges.remove(key(e.virtualHost(), e.name()));
            bindings.removeIf(b -> b.virtualHost().equals(e.virtualHost())
                    && (b.source().equals(e.name()) || !b.destinationIsQueue() && b.destination().equals(e.name())));
        } else if (op instanceof StoreOperation.QueueCreated q) {
            queues.put(key(q.queue().virtualHost(), q.queue().name()), q.queue());
        } else if (op instanceof StoreOperation.QueueDeleted q) {
            queues.remove(key(q.virtualHost(), q.name()));
            bindings.removeIf(b -> b.virtualHost().equals(q.virtualHost()) && b.destinationIsQueue()
                    && b.destination().equals(q.name()));
        } else if (op instanceof StoreOperation.BindingCreated b) {
            bindings.add(b.binding());
        } else if (op instanceof StoreOperation.BindingDeleted b) {
            bindings.remove(b.binding());
        } else if (op instanceof StoreOperation.TransactionPrepared t) {
            prepared.put(key(t.virtualHost(), t.xid().toString()), t);
        } else if (op instanceof StoreOperation.TransactionEnded t) {
            prepared.remove(key(t.virtualHost(), t.xid().toString()));
        }
    }

    /** The declared queues, in declaration order. */
    public Iterable<QueueRecord> queues() {
        return queues.values();
    }

    /** Replays exchanges, then queues, then bindings: the part of recovery that precedes the messages. */
    public void replayDeclarations(RecoveryHandler handler) {
        exchanges.values().forEach(handler::exchange);
        queues.values().forEach(handler::queue);
        bindings.forEach(handler::binding);
    }

    /** Replays the XA branches in doubt: the part of recovery that follows the messages. */
    public void replayPrepared(RecoveryHandler handler) {
        prepared.values().forEach(handler::preparedTransaction);
    }

    /** The operations that declare exchanges, queues and bindings, as a snapshot writes them first. */
    public void forEachDeclaration(Consumer<StoreOperation> sink) {
        exchanges.values().forEach(e -> sink.accept(new StoreOperation.ExchangeCreated(e)));
        queues.values().forEach(q -> sink.accept(new StoreOperation.QueueCreated(q)));
        bindings.forEach(b -> sink.accept(new StoreOperation.BindingCreated(b)));
    }

    /** The XA branches in doubt, as a snapshot writes them last. */
    public Iterable<StoreOperation.TransactionPrepared> prepared() {
        return prepared.values();
    }

    public int preparedCount() {
        return prepared.size();
    }
}
