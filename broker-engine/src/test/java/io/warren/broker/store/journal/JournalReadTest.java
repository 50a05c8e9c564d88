package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JournalStore#read}: message content comes back from the segments; from memory only while its write is
 * still under way (the broker queues a message as soon as its write is submitted).
 */
class JournalReadTest {
    private static final int BODY = 700;

    @TempDir
    Path dir;

    private static StoreBatch fanout(long id, String... queues) {
        StoreBatch b = StoreBatch.of(new StoreOperation.MessageStored(id, Fixtures.message(id, BODY)));
        for (String q : queues) {
            b.add(new StoreOperation.MessageEnqueued(Fixtures.VHOST, q, id));
        }
        return b;
    }

    @Test
    void everyHeldMessageReadsBackAfterRestartAndAfterCompaction() {
        JournalConfig config = Fixtures.config(dir).segmentSize(8 << 10).compactionMinBytes(64 << 10).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("a").addAll(Fixtures.declareQueue("b"))));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long id = 1; id <= 300; id++) {
            futures.add(store.write(id % 3 == 0 ? fanout(id, "a", "b") : fanout(id, "a")));
        }
        Fixtures.awaitAll(futures);
        for (long id = 1; id <= 300; id++) {
            assertThat(store.read(id)).isEqualTo(Fixtures.message(id, BODY));
        }
        store.close();

        JournalStore reopened = Fixtures.open(config, new RecordingHandler());
        for (long id = 1; id <= 300; id++) {
            assertThat(reopened.read(id)).as("message %d after restart", id).isEqualTo(Fixtures.message(id, BODY));
        }
        for (long id = 1; id <= 300; id++) {
            if (id % 50 != 0) {
                Fixtures.await(reopened.write(Fixtures.ack("a", id)));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> reopened.compactionCount() > 0);
        for (long id = 3; id <= 300; id += 3) {
            assertThat(reopened.read(id)).as("message %d on b after compaction", id)
                    .isEqualTo(Fixtures.message(id, BODY));
        }
        assertThat(reopened.read(50)).isEqualTo(Fixtures.message(50, BODY));
        reopened.close();

        RecordingHandler recovered = Fixtures.recover(config);
        assertThat(recovered.messages("b")).hasSize(100).allSatisfy(
                m -> assertThat(m.message()).isEqualTo(Fixtures.message(m.messageId(), BODY)));
    }

    @Test
    void aMessageReadsBackAsSoonAsItsWriteIsSubmitted() {
        JournalStore store = Fixtures.open(Fixtures.config(dir).build(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("a")));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long id = 1; id <= 500; id++) {
            futures.add(store.write(fanout(id, "a")));
            assertThat(store.read(id)).as("message %d right after submitting it", id)
                    .isEqualTo(Fixtures.message(id, BODY));
        }
        Fixtures.awaitAll(futures);
        for (long id = 1; id <= 500; id++) {
            assertThat(store.read(id)).as("message %d once written", id).isEqualTo(Fixtures.message(id, BODY));
        }
        store.close();
    }

    @Test
    void readingAMessageNoQueueHoldsFailsNamingTheId() {
        JournalStore store = Fixtures.open(Fixtures.config(dir).build(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 41, 10)));
        Fixtures.await(store.write(Fixtures.ack("q", 41)));

        for (long id : new long[] {41, 42}) {
            assertThatThrownBy(() -> store.read(id))
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR))
                    .hasMessageContaining("message " + id)
                    .hasMessageContaining("no queue holds it");
        }
        store.close();
        assertThatThrownBy(() -> store.read(41)).isInstanceOf(BrokerException.class).hasMessageContaining("closed");
    }

    @Test
    void aMessageDamagedOnDiskFailsItsReadNamingSegmentAndOffset() throws IOException {
        JournalStore store = Fixtures.open(Fixtures.config(dir).build(), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        Fixtures.await(store.write(Fixtures.publish("q", 1, BODY)));
        Path segment = Fixtures.segments(dir).get(0);
        long size = Files.size(segment);
        Fixtures.await(store.write(Fixtures.publish("q", 2, BODY)));
        Fixtures.flip(segment, size + 300);

        assertThat(store.read(1)).isEqualTo(Fixtures.message(1, BODY));
        assertThatThrownBy(() -> store.read(2))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR))
                .hasMessageContaining("message 2")
                .hasMessageContaining(segment.toString())
                .hasMessageMatching("(?s).*is corrupt at offset \\d+: checksum mismatch.*");
        store.close();
    }
}
