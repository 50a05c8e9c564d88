package io.warren.benchmarks.jmh;

import io.warren.benchmarks.Payloads;
import io.warren.broker.store.BindingRecord;
import io.warren.broker.store.ExchangeRecord;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.RecoveryHandler;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation.MessageDequeued;
import io.warren.broker.store.StoreOperation.MessageEnqueued;
import io.warren.broker.store.StoreOperation.MessageStored;
import io.warren.broker.store.StoreOperation.QueueCreated;
import io.warren.broker.store.journal.JournalConfig;
import io.warren.broker.store.journal.JournalStore;
import io.warren.broker.store.journal.SyncPolicy;
import io.warren.message.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One journal append of a persistent message with a 256-byte body, waited for, in microseconds per append: a
 * {@link JournalStore} in a temporary directory (deleted afterwards) takes a batch of three operations, the
 * message stored and enqueued on a queue and the previous message dequeued (its acknowledgement), so the journal
 * holds one live message and compaction keeps it small, as a queue with a fast consumer does.
 *
 * <p>{@code JournalWriter} and {@code RecordCodec} are package-private, so this goes through the public entry
 * point, {@link JournalStore#write}: validation and encoding of the message on the calling thread, the hand-off
 * to the writer thread, record encoding, the write to the segment file, and completion of the future back to the
 * caller. {@code sync=NEVER} measures that path without fsync; {@code sync=ALWAYS} adds one fsync per append
 * (a lone writer shares it with no one), which is this disk's sync latency rather than Warren's code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JournalAppendBenchmark {
    private static final String VHOST = "/";
    private static final String QUEUE = "jmh.journal";

    @Param({"NEVER", "ALWAYS"})
    public SyncPolicy sync;

    private Path directory;
    private JournalStore store;
    private Message message;
    private long messageId;

    @Setup
    public void open() throws IOException {
        directory = Files.createTempDirectory("warren-jmh-journal");
        store = new JournalStore(JournalConfig.builder(directory).syncPolicy(sync).build());
        store.open(new NoState());
        store.write(StoreBatch.of(new QueueCreated(new QueueRecord(VHOST, QUEUE, false, Map.of())))).join();
        message = Message.builder()
                .routingKey(QUEUE)
                .persistent(true)
                .messageId("ID:jmh-journal")
                .header("region", "eu")
                .header("tier", 3)
                .body(Payloads.of(256))
                .build();
    }

    @TearDown
    public void close() throws IOException {
        try {
            store.close();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Benchmark
    public long append() {
        long id = ++messageId;
        StoreBatch batch = new StoreBatch();
        if (id > 1) {
            batch.add(new MessageDequeued(VHOST, QUEUE, id - 1));
        }
        batch.add(new MessageStored(id, message)).add(new MessageEnqueued(VHOST, QUEUE, id));
        store.write(batch).join();
        return id;
    }

    /** A fresh directory holds nothing to recover. */
    private static final class NoState implements RecoveryHandler {
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
        }

        @Override
        public void message(String virtualHost, String queue, MessageSummary summary, int deliveryCount,
                            long enqueuedAt) {
        }
    }
}
