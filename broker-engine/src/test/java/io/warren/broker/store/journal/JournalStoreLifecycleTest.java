package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.store.QueueRecord;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreLifecycleTest {
    @TempDir
    Path dir;

    private static void assertStoreError(CompletableFuture<Void> future, String message) {
        assertThat(future).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR))
                .withMessageContaining(message);
    }

    @Test
    void writesBeforeOpenAndAfterCloseFail() {
        JournalStore store = new JournalStore(Fixtures.config(dir).build());
        assertStoreError(store.write(Fixtures.declareQueue("q")), "not open yet");
        store.open(new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        store.close();
        store.close();
        assertStoreError(store.write(Fixtures.publish("q", 1, 10)), "is closed");
        assertThatThrownBy(() -> store.open(new RecordingHandler())).isInstanceOf(BrokerException.class);
    }

    @Test
    void writesRacingWithCloseAllCompleteOneWayOrTheOther() throws Exception {
        JournalStore store = Fixtures.open(Fixtures.config(dir).build(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        ConcurrentLinkedQueue<CompletableFuture<Void>> futures = new ConcurrentLinkedQueue<>();
        CountDownLatch writing = new CountDownLatch(4);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long base = t * 1_000_000L;
            Thread writer = new Thread(() -> {
                for (long i = 1; i <= 5_000 && !stop.get(); i++) {
                    futures.add(store.write(Fixtures.publish("q", base + i, 10)));
                    if (i == 100) {
                        writing.countDown();
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        store.close();
        stop.set(true);
        for (Thread w : writers) {
            w.join(10_000);
        }

        assertThat(futures).hasSizeGreaterThanOrEqualTo(400);
        for (CompletableFuture<Void> f : futures) {
            assertThat(f).as("every write is done once close returns and writers stopped").isDone();
            if (f.isCompletedExceptionally()) {
                assertStoreError(f, "is closed");
            }
        }
    }

    @Test
    void anIoErrorFailsTheWriteAndEveryLaterOne() {
        AtomicBoolean broken = new AtomicBoolean();
        ChannelOpener failing = (path, options) -> new FailingChannel(FileChannel.open(path, options), broken);
        JournalConfig config = JournalConfig.builder(dir).syncPolicy(SyncPolicy.ALWAYS).build();
        JournalStore store = new JournalStore(config, failing);
        store.open(new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 1, 10)));

        broken.set(true);
        assertStoreError(store.write(Fixtures.publish("q", 2, 10)), "simulated disk failure");
        broken.set(false);
        assertStoreError(store.write(Fixtures.publish("q", 3, 10)), "failed earlier and accepts no more writes");
        store.close();

        assertThat(Fixtures.recover(config).messageIds("q")).startsWith(1L).doesNotContain(3L);
    }

    @Test
    void aBatchThatCannotBeStoredIsRejectedAloneAndTheStoreGoesOn() {
        JournalConfig config = Fixtures.config(dir).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));

        assertStoreError(store.write(StoreBatch.of(new StoreOperation.MessageEnqueued(Fixtures.VHOST, "q", 42))),
                "message 42 enqueued on 'q' was never stored");
        assertStoreError(store.write(StoreBatch.of(new StoreOperation.QueueCreated(new QueueRecord(Fixtures.VHOST,
                "bad", false, Map.of("x-thing", new Object()))))), "unsupported type");
        assertStoreError(store.write(new StoreBatch().add(null)), "null operation");
        StoreBatch enqueueBeforeStore = new StoreBatch();
        for (long id = 10; id < 20; id++) {
            enqueueBeforeStore.add(new StoreOperation.MessageEnqueued(Fixtures.VHOST, "q", id + 1))
                    .add(new StoreOperation.MessageStored(id, Fixtures.message(id, 10)));
        }
        assertStoreError(store.write(enqueueBeforeStore), "message 11 enqueued on 'q' was never stored");
        Fixtures.await(store.write(Fixtures.publish("q", 1, 10)));
        StoreBatch transaction = new StoreBatch();
        for (long id = 20; id < 40; id++) {
            transaction.addAll(Fixtures.publish("q", id, 10));
        }
        Fixtures.await(store.write(transaction));
        store.close();

        RecordingHandler r = Fixtures.recover(config);
        assertThat(r.messageIds("q")).hasSize(21).startsWith(1L, 20L).endsWith(39L);
        assertThat(r.all(QueueRecord.class)).extracting(QueueRecord::name).containsExactly("q");
    }

    @Test
    void aFailedOpenReleasesTheDirectory() {
        JournalConfig config = Fixtures.config(dir).build();
        JournalStore first = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(first.write(Fixtures.declareQueue("q")));
        first.close();

        JournalStore refused = new JournalStore(config);
        assertThatThrownBy(() -> refused.open(new RecordingHandler() {
            @Override
            public void queue(QueueRecord queue) {
                throw new IllegalStateException("handler refuses");
            }
        })).hasMessageContaining("handler refuses");
        assertStoreError(refused.write(Fixtures.publish("q", 1, 10)), "is closed");

        assertThat(Fixtures.recover(config).all(QueueRecord.class)).hasSize(1);
    }
}
