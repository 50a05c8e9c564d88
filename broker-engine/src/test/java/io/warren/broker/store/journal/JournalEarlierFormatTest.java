package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.StoreOperation;
import io.warren.message.ByteWriter;
import io.warren.message.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written before stored messages carried their own checksum: recovered without an index, its messages
 * read back from their records, and compacted into the current format.
 */
class JournalEarlierFormatTest {
    /** The operation tag of a stored message in the earlier format: id, then the encoded message, unchecked. */
    private static final int EARLIER_STORED = 7;

    @TempDir
    Path dir;

    private static Message message(long id) {
        return Fixtures.message(id, 200).toBuilder().priority(3).expiration(id == 2 ? 1_900_000_000_000L : 0).build();
    }

    /** A batch record as the earlier format wrote it: stored messages first, then the other operations. */
    private static void record(ByteWriter w, List<Long> stored, List<StoreOperation> others) {
        int start = RecordCodec.beginBatch(w, stored.size() + others.size());
        for (long id : stored) {
            w.writeByte(EARLIER_STORED).writeLong(id).writeBytes(message(id).encoded());
        }
        others.forEach(op -> RecordCodec.writeOperation(w, op));
        RecordCodec.endRecord(w, start);
    }

    private static StoreOperation enqueue(long id) {
        return new StoreOperation.MessageEnqueued(Fixtures.VHOST, "q", id, 1_000 + id);
    }

    @Test
    void messagesOfTheEarlierFormatAreRecoveredReadAndCompactedIntoTheCurrentOne() throws IOException {
        Files.createDirectories(dir);
        ByteWriter w = new ByteWriter(4096);
        w.writeBytes(new SegmentHeader(1, false).encode());
        record(w, List.of(), Fixtures.declareQueue("q").operations());
        record(w, List.of(1L), List.of(enqueue(1)));
        record(w, List.of(2L, 3L), List.of(enqueue(2), enqueue(3)));
        Files.write(JournalFormat.segmentPath(dir, 1), w.toByteArray());
        JournalConfig config = Fixtures.config(dir).segmentSize(4096).compactionMinBytes(8 << 10).build();

        RecordingHandler summaries = new RecordingHandler();
        JournalStore store = new JournalStore(config);
        assertThat(store.open(summaries)).isEqualTo(3);
        assertThat(summaries.summaries("q")).extracting(RecordingHandler.SummaryCall::summary)
                .containsExactly(MessageSummary.of(1, message(1)), MessageSummary.of(2, message(2)),
                        MessageSummary.of(3, message(3)));
        for (long id = 1; id <= 3; id++) {
            assertThat(store.read(id)).isEqualTo(message(id));
        }

        Fixtures.await(store.write(Fixtures.ack("q", 1)));
        for (long id = 10; id < 60; id++) {
            Fixtures.await(store.write(Fixtures.publish("q", id, 400)));
            Fixtures.await(store.write(Fixtures.ack("q", id)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.compactionCount() > 0 && !store.compacting());
        assertThat(store.read(2)).isEqualTo(message(2));
        assertThat(store.read(3)).isEqualTo(message(3));
        store.close();

        assertThat(JournalFormat.segmentPath(dir, 1)).as("compacted away").doesNotExist();
        RecordingHandler recovered = Fixtures.recover(config);
        assertThat(recovered.messages("q")).extracting(RecordingHandler.MessageCall::message)
                .containsExactly(message(2), message(3));
    }
}
