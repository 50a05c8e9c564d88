package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalGroupCommitTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;

    @TempDir
    Path dir;

    /**
     * Each thread waits for its write before the next, as a producer sending persistent messages does, so
     * fewer syncs than writes can only come from threads sharing them.
     */
    private long writeConcurrently(JournalStore store) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long base = t * 10_000L;
                workers.add(pool.submit(() -> {
                    for (int i = 1; i <= PER_THREAD; i++) {
                        store.write(Fixtures.publish("q", base + i, 100)).get(30, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            return System.nanoTime() - started;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritersShareSyncsAndEveryBatchIsRecoveredOnce() throws Exception {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).segmentSize(256 << 10).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        long syncsBefore = store.syncCount();

        long nanos = writeConcurrently(store);
        long syncs = store.syncCount() - syncsBefore;
        store.close();

        int batches = THREADS * PER_THREAD;
        System.out.printf("group commit: %d batches from %d threads in %d ms (%.0f batches/s) with %d syncs%n",
                batches, THREADS, nanos / 1_000_000, batches * 1e9 / nanos, syncs);
        assertThat(syncs).isPositive().isLessThan(batches);

        List<Long> expected = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            LongStream.rangeClosed(t * 10_000L + 1, t * 10_000L + PER_THREAD).forEach(expected::add);
        }
        assertThat(Fixtures.recover(config).messageIds("q")).isEqualTo(expected);
    }

    @Test
    void batchedPolicyCompletesEveryWriteAfterASharedSync() throws Exception {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.BATCHED)
                .syncWindow(Duration.ofMillis(5)).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long m = 1; m <= 2000; m++) {
            futures.add(store.write(Fixtures.publish("q", m, 50)));
        }
        Fixtures.awaitAll(futures);
        long syncs = store.syncCount();
        store.close();

        assertThat(syncs).isPositive().isLessThan(200);
        assertThat(Fixtures.recover(config).messageIds("q")).hasSize(2000);
    }

    @Test
    void anEmptyBatchCompletesOnceEverythingBeforeItIsDurable() {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        futures.add(store.write(Fixtures.declareQueue("q")));
        for (long m = 1; m <= 100; m++) {
            futures.add(store.write(Fixtures.publish("q", m, 50)));
        }
        CompletableFuture<Void> barrier = store.write(new io.warren.broker.store.StoreBatch());
        Fixtures.await(barrier);
        assertThat(futures).allMatch(CompletableFuture::isDone);
        store.close();
    }

    @Test
    void aLazyWriteNobodyFollowsIsStillSyncedAndRecovered() throws Exception {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 1, 50)));
        Fixtures.await(store.write(Fixtures.publish("q", 2, 50)));
        long syncsBefore = store.syncCount();

        Fixtures.await(store.writeLazily(Fixtures.ack("q", 1)));
        assertThat(store.syncCount()).isEqualTo(syncsBefore + 1);
        store.close();

        assertThat(Fixtures.recover(config).messageIds("q")).containsExactly(2L);
    }

    @Test
    void aLazyWriteSharesTheSyncOfTheWriteThatFollowsIt() throws Exception {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 1, 50)));
        int rounds = 200;
        long syncsBefore = store.syncCount();
        List<CompletableFuture<Void>> lazy = new ArrayList<>();
        for (long m = 2; m <= rounds + 1; m++) {
            // a consumer's acknowledgement that the writer takes alone, then a producer's next send
            lazy.add(store.writeLazily(Fixtures.ack("q", m - 1)));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO)
                    .until(() -> store.queuedWrites() == 0);
            Fixtures.await(store.write(Fixtures.publish("q", m, 50)));
        }
        Fixtures.awaitAll(lazy);
        long syncs = store.syncCount() - syncsBefore;
        store.close();

        // each round would take two syncs if the acknowledgement were synced on its own
        assertThat(syncs).isLessThan(rounds * 3L / 2);
        assertThat(Fixtures.recover(config).messageIds("q")).containsExactly(rounds + 1L);
    }

    @Test
    void lazyAndWaitedWritesFromManyThreadsAreAllRecovered() throws Exception {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).segmentSize(256 << 10).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<CompletableFuture<Void>> lazy = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long base = t * 10_000L;
                workers.add(pool.submit(() -> {
                    for (int i = 1; i <= PER_THREAD / 2; i++) {
                        store.write(Fixtures.publish("q", base + i, 100)).get(30, TimeUnit.SECONDS);
                        if (i % 2 == 0) {
                            lazy.add(store.writeLazily(Fixtures.ack("q", base + i)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Fixtures.awaitAll(lazy);
        store.close();

        List<Long> expected = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            LongStream.rangeClosed(t * 10_000L + 1, t * 10_000L + PER_THREAD / 2).filter(id -> id % 2 == 1)
                    .forEach(expected::add);
        }
        assertThat(Fixtures.recover(config).messageIds("q")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
