package io.warren.broker.store;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.message.Message;
import java.util.concurrent.CompletableFuture;

/**
 * A store that keeps durable state in memory. Nothing survives the process, but the state survives a
 * broker restart within it when the same instance is handed to the new broker, which is how engine tests
 * check recovery without a disk.
 */
public final class MemoryStore implements Store {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final StoreState state = new StoreState();

    @Override
    public synchronized long open(RecoveryHandler handler) {
        state.replay(handler);
        return state.highestMessageId();
    }

    @Override
    public CompletableFuture<Void> write(StoreBatch batch) {
        synchronized (this) {
            state.apply(batch);
        }
        return DONE;
    }

    @Override
    public synchronized Message read(long messageId) {
        Message m = state.message(messageId);
        if (m == null) {
            throw new BrokerException(ErrorCode.STORE_ERROR, "message " + messageId + " is not in the store");
        }
        return m;
    }

    @Override
    public boolean isDurable() {
        return false;
    }

    /** Number of stored message bodies still referenced by a queue. */
    public synchronized int messageCount() {
        return state.messageCount();
    }

    @Override
    public void close() {
    }
}
