package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.BrokerException;
import io.warren.message.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers publish and acknowledge, readers read, and the journal compacts, all at once: a message some queue holds
 * always reads back whole, whichever segment compaction moved it to, and one acknowledged meanwhile either reads back
 * whole or fails saying no queue holds it.
 */
class JournalConcurrentReadTest {
    private static final int WRITERS = 3;
    private static final int READERS = 3;
    private static final int BODY = 400;

    @TempDir
    Path dir;

    /** Every 10th message of a writer stays on queue "kept"; the rest are acknowledged soon after. */
    private static boolean kept(long id) {
        return id % 10 == 0;
    }

    @Test
    void readsSucceedWhileWritersWriteAndTheJournalCompacts() throws Exception {
        JournalConfig config = Fixtures.config(dir).segmentSize(32 << 10).compactionMinBytes(128 << 10).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("kept").addAll(Fixtures.declareQueue("churn"))));
        AtomicLong ids = new AtomicLong();
        Queue<Long> readable = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        CountDownLatch done = new CountDownLatch(WRITERS + READERS);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            threads.add(new Thread(() -> {
                try {
                    while (!stop.get()) {
                        List<CompletableFuture<Void>> futures = new ArrayList<>();
                        List<Long> churned = new ArrayList<>();
                        List<Long> keptNow = new ArrayList<>();
                        for (int i = 0; i < 50; i++) {
                            long id = ids.incrementAndGet();
                            futures.add(store.write(Fixtures.publish(kept(id) ? "kept" : "churn", id, BODY)));
                            (kept(id) ? keptNow : churned).add(id);
                        }
                        Fixtures.awaitAll(futures);
                        readable.addAll(keptNow);
                        readable.add(churned.get(0));
                        futures.clear();
                        churned.forEach(id -> futures.add(store.write(Fixtures.ack("churn", id))));
                        Fixtures.awaitAll(futures);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            }, "writer-" + w));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(new Thread(() -> {
                try {
                    while (!stop.get()) {
                        Long[] known = readable.toArray(Long[]::new);
                        if (known.length == 0) {
                            Thread.onSpinWait();
                            continue;
                        }
                        long id = known[ThreadLocalRandom.current().nextInt(known.length)];
                        if (id <= 0) {
                            continue;
                        }
                        try {
                            Message m = store.read(id);
                            assertThat(m).as("message %d", id).isEqualTo(Fixtures.message(id, BODY));
                        } catch (BrokerException e) {
                            if (kept(id) || !e.getMessage().contains("no queue holds it")) {
                                throw e;
                            }
                        }
                        reads.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            }, "reader-" + r));
        }
        threads.forEach(Thread::start);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !failures.isEmpty() || store.compactionCount() >= 5 && reads.get() > 5_000);
        } finally {
            stop.set(true);
            done.await();
        }
        assertThat(failures).isEmpty();
        System.out.printf("concurrent reads: %d reads, %d compactions, %d messages%n", reads.get(),
                store.compactionCount(), ids.get());
        long highest = ids.get();
        store.close();

        RecordingHandler recovered = Fixtures.recover(config);
        List<Long> expected = new ArrayList<>();
        for (long id = 10; id <= highest; id += 10) {
            expected.add(id);
        }
        assertThat(recovered.messageIds("kept")).isEqualTo(expected);
        assertThat(recovered.messageIds("churn")).isEmpty();
        assertThat(recovered.messages("kept")).allSatisfy(
                m -> assertThat(m.message()).isEqualTo(Fixtures.message(m.messageId(), BODY)));
    }
}
