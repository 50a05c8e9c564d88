package io.warren.broker.store.journal;

import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.RecoveryHandler;
import io.warren.message.Message;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Measures what the journal costs on the heap per live message, and how long it takes to recover: stores
 * {@code args[0]} messages of {@code args[1]} body bytes (defaults 1,000,000 and 1024) on one queue in a fresh
 * directory (or {@code args[2]}), reads the used heap after a full collection before and after, then reopens the
 * journal with a handler that keeps nothing and times the recovery. Run with a small heap to show that bodies are
 * not kept: {@code java -Xmx256m -cp ... io.warren.broker.store.journal.JournalFootprintMain 1000000 1024}.
 */
public final class JournalFootprintMain {
    private JournalFootprintMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int body = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("warren-footprint");
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).build();
        JournalStore store = new JournalStore(config);
        store.open(new CountingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        long before = usedHeap();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            futures.add(store.write(Fixtures.publish("q", id, body)));
            if (futures.size() == 10_000) {
                Fixtures.awaitAll(futures);
                futures.clear();
            }
        }
        Fixtures.awaitAll(futures);
        long after = usedHeap();
        store.close();
        store = null;
        System.out.printf("heap: %d messages of %d bytes, %.1f bytes of heap per live message (%d -> %d bytes)%n",
                count, body, (after - before) / (double) count, before, after);

        System.out.println(recover(config, "from indexes"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (JournalFormat.parseIndexName(f.getFileName().toString()).isPresent()) {
                    Files.delete(f);
                }
            }
        }
        System.out.println(recover(config, "scanning every segment"));
        System.out.println(recover(config, "from the indexes written again"));
    }

    private static String recover(JournalConfig config, String how) {
        long started = System.nanoTime();
        CountingHandler handler = new CountingHandler();
        JournalStore reopened = new JournalStore(config);
        reopened.open(handler);
        long took = System.nanoTime() - started;
        long afterRecovery = usedHeap();
        reopened.close();
        return String.format("recovery %s: %d messages in %d ms (%d bytes in the directory); heap after it %d bytes",
                how, handler.messages, took / 1_000_000, Fixtures.directorySize(config.directory()), afterRecovery);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Counts replayed messages and keeps nothing. */
    static final class CountingHandler implements RecoveryHandler {
        long messages;

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
            messages++;
        }

        @Override
        public void message(String virtualHost, String queue, MessageSummary summary, int deliveryCount,
                            long enqueuedAt) {
            messages++;
        }
    }
}
