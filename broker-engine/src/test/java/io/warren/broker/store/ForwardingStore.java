package io.warren.broker.store;

import io.warren.message.Message;
import java.util.concurrent.CompletableFuture;

/**
 * A store that passes every call to another: tests extend it to watch, hold or change the calls they care
 * about.
 */
public abstract class ForwardingStore implements Store {
    protected final Store delegate;

    protected ForwardingStore(Store delegate) {
        this.delegate = delegate;
    }

    @Override
    public long open(RecoveryHandler handler) {
        return delegate.open(handler);
    }

    @Override
    public CompletableFuture<Void> write(StoreBatch batch) {
        return delegate.write(batch);
    }

    @Override
    public Message read(long messageId) {
        return delegate.read(messageId);
    }

    @Override
    public boolean isDurable() {
        return delegate.isDurable();
    }

    @Override
    public StoreStatistics statistics() {
        return delegate.statistics();
    }

    @Override
    public void addObserver(StoreObserver observer) {
        delegate.addObserver(observer);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
