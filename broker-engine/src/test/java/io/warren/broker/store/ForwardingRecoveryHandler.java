package io.warren.broker.store;

import io.warren.message.Message;

/**
 * A recovery handler that passes every call to another: tests extend it to watch, hold or change the calls
 * they care about while a store replays.
 */
public class ForwardingRecoveryHandler implements RecoveryHandler {
    protected final RecoveryHandler delegate;

    public ForwardingRecoveryHandler(RecoveryHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void exchange(ExchangeRecord exchange) {
        delegate.exchange(exchange);
    }

    @Override
    public void queue(QueueRecord queue) {
        delegate.queue(queue);
    }

    @Override
    public void binding(BindingRecord binding) {
        delegate.binding(binding);
    }

    @Override
    public void message(String virtualHost, String queue, long messageId, Message message, int deliveryCount) {
        delegate.message(virtualHost, queue, messageId, message, deliveryCount);
    }

    @Override
    public void message(String virtualHost, String queue, long messageId, Message message, int deliveryCount,
                        long enqueuedAt) {
        delegate.message(virtualHost, queue, messageId, message, deliveryCount, enqueuedAt);
    }

    @Override
    public void message(String virtualHost, String queue, MessageSummary summary, int deliveryCount,
                        long enqueuedAt) {
        delegate.message(virtualHost, queue, summary, deliveryCount, enqueuedAt);
    }

    @Override
    public void preparedTransaction(StoreOperation.TransactionPrepared transaction) {
        delegate.preparedTransaction(transaction);
    }
}
