package io.warren.broker;

import io.warren.message.Message;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.journal.JournalStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a (closed) journal directory holds, read straight from the store without starting a broker. */
final class RestartStoreContents implements RecoveryHandler {
    private final Map<String, List<String>> bodies = new TreeMap<>();
    private JournalStore store;

    static RestartStoreContents read(Path directory) {
        RestartStoreContents contents = new RestartStoreContents();
        JournalStore store = new JournalStore(directory);
        contents.store = store;
        try {
            store.open(contents);
        } finally {
            store.close();
        }
        return contents;
    }

    /** Bodies of the messages the queue holds, in store order. */
    List<String> bodies(String queue) {
        return bodies.getOrDefault(queue, List.of());
    }

    @Override
    public void exchange(ExchangeRecord exchange) {
    }

    @Override
    public void queue(QueueRecord queue) {
    }

    @Override
    public void binding(BindingRecord binding) {
    }

    @Override
    public void message(String virtualHost, String queue, long messageId, Message message, int deliveryCount) {
        bodies.computeIfAbsent(queue, q -> new ArrayList<>()).add(new String(message.body(), StandardCharsets.UTF_8));
    }

    @Override
    public void message(String virtualHost, String queue, MessageSummary summary, int deliveryCount, long enqueuedAt) {
        message(virtualHost, queue, summary.messageId(), store.read(summary.messageId()), deliveryCount);
    }
}
