package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.warren.broker.BrokerException;
import io.warren.broker.store.MessageSummary;
import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import io.warren.message.Message;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment indexes: recovery rebuilds sealed segments from their index without reading message bodies, replays
 * messages as summaries, and scans (and indexes again) a segment whose index is missing or damaged.
 */
class JournalIndexTest {
    private static final int MESSAGES = 120;

    @TempDir
    Path tmp;

    private Path dir;
    private JournalConfig config;

    private static Message message(long id) {
        return Fixtures.message(id, 50 + (int) (id % 7) * 40).toBuilder().priority((int) (id % 10))
                .expiration(id % 3 == 0 ? 1_900_000_000_000L + id : 0)
                .deliveryTime(id % 4 == 0 ? 1_800_000_000_000L + id : 0).build();
    }

    private static MessageSummary summary(long id) {
        return MessageSummary.of(id, message(id));
    }

    /** Messages 1..120 on q, every 5th also on r, every 6th acknowledged from q, over a dozen segments. */
    @BeforeEach
    void writeJournal() {
        dir = tmp.resolve("data");
        config = Fixtures.config(dir).segmentSize(2048).compactionMinBytes(1L << 40).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q").addAll(Fixtures.declareQueue("r"))));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long id = 1; id <= MESSAGES; id++) {
            StoreBatch b = StoreBatch.of(new StoreOperation.MessageStored(id, message(id)),
                    new StoreOperation.MessageEnqueued(Fixtures.VHOST, "q", id, 1_000 + id));
            if (id % 5 == 0) {
                b.add(new StoreOperation.MessageEnqueued(Fixtures.VHOST, "r", id, 2_000 + id));
            }
            futures.add(store.write(b));
        }
        Fixtures.awaitAll(futures);
        for (long id = 6; id <= MESSAGES; id += 6) {
            Fixtures.await(store.write(Fixtures.ack("q", id)));
        }
        Fixtures.await(store.write(StoreBatch.of(new StoreOperation.DeliveryCountUpdated(Fixtures.VHOST, "r", 10, 3))));
        store.close();
        assertThat(Fixtures.segments(dir)).hasSizeGreaterThan(10);
    }

    private List<Path> indexes() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> JournalFormat.parseIndexName(f.getFileName().toString()).isPresent())
                    .sorted().toList();
        }
    }

    private RecordingHandler recoverWithoutReading() {
        RecordingHandler handler = new RecordingHandler();
        JournalStore store = new JournalStore(config);
        store.open(handler);
        store.close();
        return handler;
    }

    @Test
    void everySealedSegmentHasAnIndexAndRecoveryUsesThem() throws IOException {
        int segments = Fixtures.segments(dir).size();
        assertThat(indexes()).hasSize(segments - 1);

        RecoveredJournal recovered = JournalRecovery.recover(dir);
        recovered.activeIndex().abandon();

        assertThat(recovered.indexedSegments()).isEqualTo(segments - 1);
        assertThat(recovered.state().messageCount()).isEqualTo(MESSAGES - MESSAGES / 6 + 4);
    }

    @Test
    void messagesAreReplayedAsSummariesInQueueAndIdOrder() {
        RecordingHandler r = recoverWithoutReading();

        List<MessageSummary> q = r.summaries("q").stream().map(RecordingHandler.SummaryCall::summary).toList();
        List<MessageSummary> expected = new ArrayList<>();
        for (long id = 1; id <= MESSAGES; id++) {
            if (id % 6 != 0) {
                expected.add(summary(id));
            }
        }
        assertThat(q).isEqualTo(expected);
        assertThat(r.summaries("q")).allSatisfy(c -> assertThat(c.enqueuedAt()).isEqualTo(1_000 + c.summary()
                .messageId()));
        assertThat(r.summaries("r")).extracting(c -> c.summary().messageId())
                .containsExactly(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 50L, 55L, 60L, 65L, 70L, 75L, 80L, 85L,
                        90L, 95L, 100L, 105L, 110L, 115L, 120L);
        assertThat(r.summaries("r").get(1).deliveryCount()).isEqualTo(3);
        assertThat(r.summaries("r").get(1).enqueuedAt()).isEqualTo(2_010);
        assertThat(r.messages("q")).as("no content read").isEmpty();
    }

    @Test
    void recoveryFromIndexesEqualsRecoveryFromScanningAndRewritesMissingIndexes() throws IOException {
        RecordingHandler fromIndexes = recoverWithoutReading();
        List<Path> before = indexes();
        for (Path index : before) {
            Files.delete(index);
        }

        RecordingHandler fromScan = recoverWithoutReading();

        assertThat(fromScan.calls).isEqualTo(fromIndexes.calls);
        assertThat(indexes()).as("written again").isEqualTo(before);
        assertThat(recoverWithoutReading().calls).isEqualTo(fromIndexes.calls);
        RecoveredJournal recovered = JournalRecovery.recover(dir);
        recovered.activeIndex().abandon();
        assertThat(recovered.indexedSegments()).isEqualTo(before.size());
    }

    @Test
    void aDamagedIndexIsNotTrustedButScannedAndWrittenAgain() throws IOException {
        RecordingHandler expected = recoverWithoutReading();
        List<Path> indexes = indexes();
        Path damaged = indexes.get(2);
        Fixtures.flip(damaged, Files.size(damaged) / 2);
        Path truncated = indexes.get(4);
        try (FileChannel ch = FileChannel.open(truncated, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(truncated) - 3);
        }
        Path headerless = indexes.get(5);
        Fixtures.flip(headerless, 3);

        assertThat(recoverWithoutReading().calls).isEqualTo(expected.calls);

        for (Path index : List.of(damaged, truncated, headerless)) {
            long sequence = JournalFormat.parseIndexName(index.getFileName().toString()).getAsLong();
            assertThat(IndexReader.problem(index, sequence,
                    Files.size(JournalFormat.segmentPath(dir, sequence)))).as("%s", index).isNull();
        }
    }

    @Test
    void aDamagedBodyInAnIndexedSegmentIsFoundWhenTheMessageIsRead() throws IOException {
        Path second = Fixtures.segments(dir).get(1);
        long sequence = JournalFormat.parseSegmentName(second.getFileName().toString()).getAsLong();
        RecoveredJournal recovered = JournalRecovery.recover(dir);
        recovered.activeIndex().abandon();
        MessageTable.Row row = new MessageTable.Row();
        long victim = -1;
        for (long after = Long.MIN_VALUE; recovered.state().table().next(after, row); after = row.id) {
            if (MessageLocation.sequence(row.location) == sequence) {
                victim = row.id;
                Fixtures.flip(second, MessageLocation.offset(row.location) + RecordCodec.STORED_HEADER + 30);
                break;
            }
        }
        assertThat(victim).isPositive();

        JournalStore store = new JournalStore(config);
        store.open(new RecordingHandler());
        long id = victim;
        try {
            assertThatThrownBy(() -> store.read(id)).isInstanceOf(BrokerException.class)
                    .hasMessageContaining("message " + id)
                    .hasMessageContaining(second.toString())
                    .hasMessageContaining("checksum mismatch");
            assertThat(store.read(1)).isEqualTo(message(1));
        } finally {
            store.close();
        }
    }

    @Test
    void aCompactedJournalIsRecoveredFromTheSnapshotsIndex() throws IOException {
        JournalConfig compacting = Fixtures.config(dir).segmentSize(2048).compactionMinBytes(16 << 10).build();
        JournalStore store = Fixtures.open(compacting, new RecordingHandler());
        for (long id = 1; id <= MESSAGES; id++) {
            if (id % 6 != 0 && id % 10 != 1) {
                Fixtures.await(store.write(Fixtures.ack("q", id)));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.compactionCount() > 0);
        store.close();

        RecoveredJournal recovered = JournalRecovery.recover(dir);
        recovered.activeIndex().abandon();
        assertThat(recovered.indexedSegments()).isPositive();
        RecordingHandler r = recoverWithoutReading();
        assertThat(r.summaries("q")).extracting(c -> c.summary())
                .containsExactly(summary(1), summary(11), summary(21), summary(31), summary(41), summary(51),
                        summary(61), summary(71), summary(81), summary(91), summary(101), summary(111));
        assertThat(r.summaries("r")).hasSize(24);
        assertThat(Fixtures.recover(compacting).messages("r")).allSatisfy(
                m -> assertThat(m.message()).isEqualTo(message(m.messageId())));
    }
}
