package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.store.StoreBatch;
import io.warren.broker.store.StoreOperation;
import io.warren.broker.store.StoreOperation.TransactionPrepared;
import io.warren.broker.tx.TransactionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash at any point of a background compaction recovers the state the acknowledged writes amount to: the data
 * directory is copied as it is at each phase (a crash image), with writes made while the compaction runs, and each
 * copy is recovered and compared with what was written up to then.
 */
class JournalCompactionCrashTest {
    private static final int BODY = 300;
    private static final TransactionId XID = new TransactionId(7, "g".getBytes(), new byte[] {1});

    @TempDir
    Path tmp;

    private final Map<CompactionHook.Phase, Path> images = new EnumMap<>(CompactionHook.Phase.class);
    private final Map<CompactionHook.Phase, Expected> expectations = new EnumMap<>(CompactionHook.Phase.class);
    private Path data;
    private JournalStore store;

    /** What recovery should find on each queue. */
    private record Expected(List<Long> q, List<Long> r) {
        Expected with(String queue, Consumer<List<Long>> change) {
            List<Long> nq = new ArrayList<>(q);
            List<Long> nr = new ArrayList<>(r);
            change.accept(queue.equals("q") ? nq : nr);
            return new Expected(List.copyOf(nq), List.copyOf(nr));
        }
    }

    private Expected current;

    private void image(CompactionHook.Phase phase) {
        if (images.containsKey(phase)) {
            return;
        }
        switch (phase) {
            case COPYING -> {
                write(Fixtures.publish("q", 1000, BODY));
                current = current.with("q", q -> q.add(1000L));
            }
            case WRITTEN -> {
                write(Fixtures.ack("q", 15));
                current = current.with("q", q -> q.remove(15L));
            }
            case RELOCATED -> {
                write(Fixtures.publish("r", 1001, BODY));
                current = current.with("r", r -> r.add(1001L));
            }
            default -> {
                // the writer thread reached the phase: it cannot wait for a write of its own
            }
        }
        Path copy = tmp.resolve("crash-" + phase);
        Fixtures.copyDirectory(data, copy);
        try {
            Files.delete(copy.resolve(JournalFormat.LOCK_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        images.put(phase, copy);
        expectations.put(phase, current);
    }

    private void write(StoreBatch batch) {
        try {
            store.write(batch).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("write during compaction failed: " + e, e);
        }
    }

    @Test
    void aCrashAtAnyPointOfACompactionRecoversTheAcknowledgedState() {
        data = tmp.resolve("data");
        JournalConfig config = Fixtures.config(data).segmentSize(4096).compactionMinBytes(16 << 10).build();
        store = new JournalStore(config, ChannelOpener.DEFAULT, this::image);
        store.open(new RecordingHandler().reading(store));
        write(Fixtures.declareQueue("q").addAll(Fixtures.declareQueue("r")));
        List<Long> q = new ArrayList<>();
        List<Long> r = new ArrayList<>();
        for (long id = 1; id <= 120; id++) {
            StoreBatch b = Fixtures.publish("q", id, BODY);
            if (id % 3 == 0) {
                b.add(new StoreOperation.MessageEnqueued(Fixtures.VHOST, "r", id));
            }
            write(b);
        }
        write(StoreBatch.of(new StoreOperation.DeliveryCountUpdated(Fixtures.VHOST, "r", 6, 2),
                new TransactionPrepared(Fixtures.VHOST, XID, List.of(Fixtures.message(900, 50)),
                        List.of(new TransactionPrepared.Ack("q", 5)))));
        StoreBatch acks = new StoreBatch();
        for (long id = 1; id <= 120; id++) {
            if (id % 10 == 5) {
                q.add(id);
            } else {
                acks.add(new StoreOperation.MessageDequeued(Fixtures.VHOST, "q", id));
            }
            if (id % 3 == 0 && id % 6 != 0) {
                acks.add(new StoreOperation.MessageDequeued(Fixtures.VHOST, "r", id));
            } else if (id % 6 == 0) {
                r.add(id);
            }
        }
        current = new Expected(List.copyOf(q), List.copyOf(r));
        assertThat(store.compactionCount()).isZero();
        write(acks);

        await().atMost(Duration.ofSeconds(30)).until(() -> images.containsKey(CompactionHook.Phase.DONE));
        store.close();

        assertThat(images).containsOnlyKeys(CompactionHook.Phase.values());
        Path first = JournalFormat.segmentPath(Path.of(""), 1).getFileName();
        assertThat(images.get(CompactionHook.Phase.WRITTEN)).as("the snapshot under its temporary name")
                .isDirectoryContaining(f -> f.toString().endsWith(".log" + JournalFormat.TMP_SUFFIX));
        assertThat(images.get(CompactionHook.Phase.INSTALLED).resolve(first)).as("not deleted yet").exists();
        assertThat(images.get(CompactionHook.Phase.DONE).resolve(first)).doesNotExist();
        for (CompactionHook.Phase phase : CompactionHook.Phase.values()) {
            RecordingHandler recovered = Fixtures.recover(Fixtures.config(images.get(phase)).segmentSize(4096)
                    .compactionMinBytes(1L << 40).build());
            Expected expected = expectations.get(phase);
            assertThat(recovered.messageIds("q")).as("q after a crash at %s", phase).isEqualTo(expected.q());
            assertThat(recovered.messageIds("r")).as("r after a crash at %s", phase).isEqualTo(expected.r());
            assertThat(recovered.messages("q")).allSatisfy(m -> assertThat(m.message())
                    .isEqualTo(Fixtures.message(m.messageId(), BODY)));
            assertThat(recovered.messages("r").get(0).deliveryCount()).as("at %s", phase).isEqualTo(2);
            assertThat(recovered.all(TransactionPrepared.class)).as("at %s", phase).hasSize(1);
        }
        RecordingHandler last = Fixtures.recover(config);
        assertThat(last.messageIds("q")).isEqualTo(current.q());
        assertThat(last.messageIds("r")).isEqualTo(current.r());
        assertThat(Fixtures.segments(data).get(0).getFileName().toString())
                .as("the snapshot replaced the segments before it")
                .isGreaterThan(JournalFormat.segmentFileName(2));
    }
}
