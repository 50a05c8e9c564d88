package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warren.broker.store.StoreBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCompactionTest {
    private static final int SEGMENT = 64 << 10;
    private static final int ROUNDS = 30;
    private static final int PER_ROUND = 2000;
    private static final int BODY = 1024;

    @TempDir
    Path dir;

    private static boolean kept(long id) {
        return id % 200 == 7;
    }

    /**
     * The directory's size once a compaction the writes so far started has finished. Compaction runs beside the
     * writer, which starts it after a write completes: an empty write shows it has had the chance.
     */
    private long settledDirectorySize(JournalStore store) {
        Fixtures.await(store.write(new StoreBatch()));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> !store.compacting());
        return Fixtures.directorySize(dir);
    }

    @Test
    void aQueueFilledAndDrainedRepeatedlyKeepsTheDirectorySmall() {
        JournalConfig config = Fixtures.config(dir).segmentSize(SEGMENT).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        long peakLive = (long) PER_ROUND * (BODY + 100);
        long bound = 3 * peakLive + 4L * SEGMENT;
        long largest = 0;
        long id = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            long first = id + 1;
            for (int i = 0; i < PER_ROUND; i++) {
                futures.add(store.write(Fixtures.publish("q", ++id, BODY)));
            }
            Fixtures.awaitAll(futures);
            largest = Math.max(largest, settledDirectorySize(store));
            futures.clear();
            for (long m = first; m <= id; m++) {
                if (!kept(m)) {
                    futures.add(store.write(Fixtures.ack("q", m)));
                }
            }
            Fixtures.awaitAll(futures);
            largest = Math.max(largest, settledDirectorySize(store));
        }
        long lastId = id;
        await().atMost(Duration.ofSeconds(10)).until(() -> store.compactionCount() >= ROUNDS / 2);
        settledDirectorySize(store);
        store.close();
        System.out.printf("compaction: largest directory %d bytes (bound %d), %d compactions, %d bytes at the end%n",
                largest, bound, store.compactionCount(), Fixtures.directorySize(dir));

        assertThat(largest).as("largest directory size, without compaction it would exceed %d bytes",
                ROUNDS * peakLive).isLessThan(bound);
        assertThat(Fixtures.directorySize(dir)).isLessThan(peakLive / 2);

        JournalStore reopened = new JournalStore(config);
        RecordingHandler r = new RecordingHandler().reading(reopened);
        assertThat(reopened.open(r)).as("highest id, although that message was dequeued").isEqualTo(lastId);
        reopened.close();
        List<Long> expected = new ArrayList<>();
        for (long m = 1; m <= lastId; m++) {
            if (kept(m)) {
                expected.add(m);
            }
        }
        assertThat(r.messageIds("q")).isEqualTo(expected);
        assertThat(r.messages("q")).allSatisfy(
                m -> assertThat(m.message()).isEqualTo(Fixtures.message(m.messageId(), BODY)));
    }

    @Test
    void recoveryPrefersTheSnapshotOverSegmentsACrashLeftBehind() throws IOException {
        Path data = dir.resolve("data");
        JournalConfig config = Fixtures.config(data).segmentSize(4096).compactionMinBytes(16 << 10).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        List<StoreBatch> history = new ArrayList<>();
        history.add(Fixtures.declareQueue("q"));
        for (long m = 1; m <= 40; m++) {
            history.add(Fixtures.publish("q", m, 500));
        }
        history.forEach(b -> Fixtures.await(store.write(b)));
        Path before = dir.resolve("before");
        Fixtures.copyDirectory(data, before);
        Files.delete(before.resolve(JournalFormat.LOCK_FILE));
        assertThat(store.compactionCount()).isZero();
        for (long m = 1; m <= 40; m++) {
            if (m != 13) {
                Fixtures.await(store.write(Fixtures.ack("q", m)));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.compactionCount() > 0);
        store.close();

        // A crash between renaming the snapshot into place and deleting the old segments leaves both.
        List<Path> old = Fixtures.segments(before);
        assertThat(Fixtures.segments(data).get(0).getFileName().toString())
                .isGreaterThan(old.get(old.size() - 1).getFileName().toString());
        for (Path segment : old) {
            Files.copy(segment, data.resolve(segment.getFileName()));
        }
        Files.write(data.resolve(JournalFormat.segmentFileName(999) + JournalFormat.TMP_SUFFIX), new byte[100]);

        RecordingHandler r = Fixtures.recover(config);

        assertThat(r.messageIds("q")).containsExactly(13L);
        List<Path> oldNames = old.stream().map(Path::getFileName).toList();
        assertThat(Fixtures.segments(data)).map(Path::getFileName).doesNotContainAnyElementsOf(oldNames);
        try (var files = Files.list(data)) {
            assertThat(files).noneMatch(f -> f.toString().endsWith(JournalFormat.TMP_SUFFIX));
        }
    }

    @Test
    void writesCompleteWhileACompactionIsCopying() throws Exception {
        CountDownLatch copying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JournalConfig config = Fixtures.config(dir).segmentSize(4096).compactionMinBytes(16 << 10).build();
        JournalStore store = new JournalStore(config, ChannelOpener.DEFAULT, phase -> {
            if (phase == CompactionHook.Phase.COPYING && copying.getCount() > 0) {
                copying.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        store.open(new RecordingHandler().reading(store));
        try {
            Fixtures.await(store.write(Fixtures.declareQueue("q")));
            for (long m = 1; m <= 60; m++) {
                Fixtures.await(store.write(Fixtures.publish("q", m, 500)));
            }
            for (long m = 1; m <= 60; m++) {
                if (m % 10 != 0) {
                    Fixtures.await(store.write(Fixtures.ack("q", m)));
                }
            }
            assertThat(copying.await(10, TimeUnit.SECONDS)).as("a compaction started copying").isTrue();

            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (long m = 61; m <= 200; m++) {
                futures.add(store.write(Fixtures.publish("q", m, 500)));
            }
            Fixtures.awaitAll(futures);
            assertThat(store.read(10)).isEqualTo(Fixtures.message(10, 500));
            assertThat(store.compactionCount()).as("still copying").isZero();
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> store.compactionCount() > 0);
        assertThat(store.read(10)).isEqualTo(Fixtures.message(10, 500));
        store.close();

        List<Long> expected = new ArrayList<>(List.of(10L, 20L, 30L, 40L, 50L, 60L));
        for (long m = 61; m <= 200; m++) {
            expected.add(m);
        }
        assertThat(Fixtures.recover(config).messageIds("q")).isEqualTo(expected);
    }

    @Test
    void aJournalOfLiveDataIsNotRewrittenOverAndOver() {
        JournalConfig config = Fixtures.config(dir).segmentSize(SEGMENT).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long m = 1; m <= 3000; m++) {
            futures.add(store.write(Fixtures.publish("q", m, BODY)));
        }
        Fixtures.awaitAll(futures);
        store.close();

        assertThat(store.compactionCount()).isZero();
        assertThat(Fixtures.recover(config).messageIds("q")).hasSize(3000);
    }
}
