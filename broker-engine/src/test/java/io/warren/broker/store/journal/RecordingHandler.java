package io.warren.broker.store.journal;

import io.warren.message.Message;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.RecoveryHandler;
import java.util.ArrayList;
import java.util.List;

/** Records what a store replays, in order, so two stores' recoveries can be compared. */
class RecordingHandler implements RecoveryHandler {

    record MessageCall(String virtualHost, String queue, long messageId, Message message, int deliveryCount) {
    }

    /** A message replayed without its content. */
    record SummaryCall(String virtualHost, String queue, MessageSummary summary, int deliveryCount, long enqueuedAt) {
    }

    final List<Object> calls = new ArrayList<>();

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
        calls.add(new SummaryCall(virtualHost, queue, summary, deliveryCount, enqueuedAt));
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
        return messages(queue).stream().map(MessageCall::messageId).toList();
    }

    <T> List<T> all(Class<T> type) {
        return calls.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
