package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.BrokerException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writes whose submitter waits at once ({@link JournalStore#writeAwaited}) and lazy writes, which wake nobody. */
class JournalAwaitedWriteTest {
    @TempDir
    Path dir;

    private JournalConfig always() {
        return JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).build();
    }

    @Test
    void theWaitingThreadWritesItsOwnBatchWhenTheWriterIsIdle() {
        JournalStore store = Fixtures.open(always(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        long syncs = store.syncCount();
        // The writer thread's idle check may take an awaited write first, rarely; one of ten must be ours.
        boolean writtenHere = false;
        for (long id = 1; id <= 10; id++) {
            AtomicReference<Thread> completedOn = new AtomicReference<>();
            CompletableFuture<Void> stage = store.writeAwaited(Fixtures.publish("q", id, 100))
                    .thenRun(() -> completedOn.set(Thread.currentThread()));
            stage.join();
            writtenHere |= completedOn.get() == Thread.currentThread();
        }
        assertThat(writtenHere).isTrue();
        assertThat(store.syncCount() - syncs).as("each awaited write is synced").isGreaterThanOrEqualTo(10);
        store.close();
        assertThat(Fixtures.recover(always()).messageIds("q")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void anAwaitedWriteNobodyWaitsForIsStillWrittenAndSynced() {
        JournalStore store = Fixtures.open(always(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        CompletableFuture<Void> unwatched = store.writeAwaited(Fixtures.publish("q", 1, 100));
        await().atMost(Duration.ofSeconds(10)).until(unwatched::isDone);
        assertThat(unwatched).isCompleted();
        store.close();
        assertThat(Fixtures.recover(always()).messageIds("q")).containsExactly(1L);
    }

    @Test
    void aLazyWriteAloneBecomesDurableWithoutAnyOtherWrite() {
        JournalStore store = Fixtures.open(always(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 1, 100)));
        long syncs = store.syncCount();
        CompletableFuture<Void> ack = store.writeLazily(Fixtures.ack("q", 1));
        await().atMost(Duration.ofSeconds(10)).until(ack::isDone);
        assertThat(store.syncCount()).isGreaterThan(syncs);
        store.close();
        assertThat(Fixtures.recover(always()).messageIds("q")).isEmpty();
    }

    @Test
    void aLazyWriteSharesTheSyncOfTheNextAwaitedWrite() {
        JournalStore store = Fixtures.open(always(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 1, 100)));
        CompletableFuture<Void> ack = store.writeLazily(Fixtures.ack("q", 1));
        store.writeAwaited(Fixtures.publish("q", 2, 100)).join();
        assertThat(ack).as("written and synced in the group of the awaited write, before it").isCompleted();
        store.close();
        assertThat(Fixtures.recover(always()).messageIds("q")).containsExactly(2L);
    }

    @Test
    void batchedPolicyLeavesAwaitedWritesToTheWriterThread() {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.BATCHED)
                .syncWindow(Duration.ofMillis(2)).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        store.writeAwaited(Fixtures.publish("q", 1, 100)).thenRun(() -> completedOn.set(Thread.currentThread()))
                .join();
        assertThat(completedOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(completedOn.get().getName()).startsWith("warren-journal-writer");
        store.close();
    }

    @Test
    void theStoreCannotBeClosedFromAStageRunOnAWaitingThreadThatWrites() {
        JournalStore store = Fixtures.open(always(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        AtomicReference<Throwable> refused = new AtomicReference<>();
        for (long id = 1; id <= 10 && refused.get() == null; id++) {
            CompletableFuture<Void> f = store.writeAwaited(Fixtures.publish("q", id, 100));
            f.thenRun(() -> {
                try {
                    store.close();
                } catch (BrokerException e) {
                    refused.set(e);
                }
            }).join();
        }
        assertThat(refused.get()).hasMessageContaining("cannot be closed from a stage");
        store.close();
        assertThat(Fixtures.recover(always()).messageIds("q")).isNotEmpty();
    }

    @Test
    void aWaitingThreadInterruptedWhileItSyncsAGroupCompletesItAndStaysInterrupted() {
        AtomicBoolean interruptNextSync = new AtomicBoolean();
        ChannelOpener interrupting = InterruptSafeChannel.wrapping((path, options) -> new FailingChannel(
                FileChannel.open(path, options), new AtomicBoolean(), new AtomicBoolean(), interruptNextSync));
        JournalStore store = new JournalStore(always(), interrupting);
        store.open(new RecordingHandler().reading(store));
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        boolean interruptedHere = false;
        List<Long> written = new ArrayList<>();
        for (long id = 1; id <= 10 && !interruptedHere; id++) {
            interruptNextSync.set(true);
            store.writeAwaited(Fixtures.publish("q", id, 100)).join();
            written.add(id);
            // the flag is consumed by whichever thread synced: this one, if it wrote the group itself
            interruptedHere = Thread.interrupted();
        }
        assertThat(interruptedHere).as("a sync on the waiting thread was interrupted").isTrue();
        Fixtures.await(store.write(Fixtures.publish("q", 100, 100)));
        store.close();
        written.add(100L);
        assertThat(Fixtures.recover(always()).messageIds("q")).containsExactlyElementsOf(written);
    }

    /**
     * Producers that wait for each write, as synchronous senders do, are interrupted at random, also while they
     * write and sync a group: the journal must neither fail nor lose a write, across segment rolls. A lone producer
     * writes nearly every group itself; several mostly leave them to the writer thread.
     */
    @ParameterizedTest(name = "{0} producers")
    @ValueSource(ints = {1, 4})
    void waitingWritersInterruptedAtRandomLoseNothingAndTheJournalKeepsWorking(int threads) throws Exception {
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).segmentSize(64 << 10)
                .build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        int perThread = 400;
        List<Thread> producers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = t * 10_000L;
            producers.add(new Thread(() -> {
                for (int i = 1; i <= perThread; i++) {
                    Thread.interrupted(); // interrupts should land during the write, not before it
                    try {
                        store.writeAwaited(Fixtures.publish("q", base + i, 200)).join();
                        if (i % 4 == 0) {
                            store.writeLazily(Fixtures.ack("q", base + i));
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                }
            }, "producer-" + t));
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread interrupter = new Thread(() -> {
            while (!done.get()) {
                producers.get(ThreadLocalRandom.current().nextInt(threads)).interrupt();
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
            }
        });
        producers.forEach(Thread::start);
        interrupter.start();
        for (Thread p : producers) {
            p.join(TimeUnit.SECONDS.toMillis(120));
        }
        done.set(true);
        interrupter.join();

        assertThat(failures).isEmpty();
        Fixtures.await(store.write(Fixtures.publish("q", 99_999, 10)));
        store.close();
        List<Long> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 1; i <= perThread; i++) {
                if (i % 4 != 0) {
                    expected.add(t * 10_000L + i);
                }
            }
        }
        expected.add(99_999L);
        assertThat(Fixtures.recover(config).messageIds("q")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
