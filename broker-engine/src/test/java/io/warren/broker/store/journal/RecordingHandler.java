package io.warren.broker.store.journal;

import io.warren.message.Message;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a store replays, in order, so two stores' recoveries can be compared. A message replayed as a
 * summary is recorded as such, or, once {@link #reading} named the store, read back from it as the broker does and
 * recorded with its content.
 */
class RecordingHandler implements RecoveryHandler {

    record MessageCall(String virtualHost, String queue, long messageId, Message message, int deliveryCount) {
    }

    /** A message replayed without its content. */
    record SummaryCall(String virtualHost, String queue, MessageSummary summary, int deliveryCount, long enqueuedAt) {
    }

    final List<Object> calls = new ArrayList<>();
    private Store store;

    /** Reads the content of messages replayed as summaries back from {@code source}. */
    RecordingHandler reading(Store source) {
        this.store = source;
        return this;
    }

    @Override
    public void exchange(ExchangeRecord exchange) {
        calls.add(exchange);
    }

    @Override
    public void queue(QueueRecord queue) {
        calls.add(queue);
    }

    @Override
    public void binding(BindingRecord binding) {
        calls.add(binding);
    }

    @Override
    public void message(String virtualHost, String queue, long messageId, Message message, int deliveryCount) {
        calls.add(new MessageCall(virtualHost, queue, messageId, message, deliveryCount));
    }

    @Override
    public void message(String virtualHost, String queue, MessageSummary summary, int deliveryCount, long enqueuedAt) {
        if (store == null) {
            calls.add(new SummaryCall(virtualHost, queue, summary, deliveryCount, enqueuedAt));
        } else {
            message(virtualHost, queue, summary.messageId(), store.read(summary.messageId()), deliveryCount,
                    enqueuedAt);
        }
    }

    @Override
    public void preparedTransaction(io.warren.broker.store.StoreOperation.TransactionPrepared transaction) {
        calls.add(transaction);
    }

    List<MessageCall> messages(String queue) {
        return calls.stream().filter(c -> c instanceof MessageCall m && m.queue().equals(queue))
                .map(MessageCall.class::cast).toList();
    }

    List<Long> messageIds(String queue) {
        return calls.stream().<Long>mapMulti((c, out) -> {
            if (c instanceof MessageCall m && m.queue().equals(queue)) {
                out.accept(m.messageId());
            } else if (c instanceof SummaryCall m && m.queue().equals(queue)) {
                out.accept(m.summary().messageId());
            }
        }).toList();
    }

    List<SummaryCall> summaries(String queue) {
        return calls.stream().filter(c -> c instanceof SummaryCall m && m.queue().equals(queue))
                .map(SummaryCall.class::cast).toList();
    }

    <T> List<T> all(Class<T> type) {
        return calls.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
