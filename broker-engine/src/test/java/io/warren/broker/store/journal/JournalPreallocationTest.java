package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-filled space a synced journal keeps after its last record ({@link PreallocatedTail}): it is there while
 * the journal runs, gone from sealed and cleanly closed segments, and recovery after a crash keeps every batch
 * before it and continues after the last one.
 */
class JournalPreallocationTest {
    @TempDir
    Path tmp;

    private static JournalConfig synced(Path directory, long segmentSize) {
        return JournalConfig.builder(directory).syncPolicy(SyncPolicy.ALWAYS).segmentSize(segmentSize).build();
    }

    /** Opens a synced journal in {@code data} and declares queue q in it. */
    private static JournalStore openWithQueue(Path data, long segmentSize) {
        JournalStore store = Fixtures.open(synced(data, segmentSize), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        return store;
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static void publish(JournalStore store, long from, long to) {
        for (long id = from; id <= to; id++) {
            Fixtures.await(store.write(Fixtures.publish("q", id, 200)));
        }
    }

    /** Reads every record of a segment from its header on and returns where the last one ends. */
    private static long endOfRecords(Path segment) throws IOException {
        try (SegmentReader reader = new SegmentReader(segment)) {
            long position = JournalFormat.SEGMENT_HEADER_SIZE;
            while (position < reader.size()) {
                assertThat(reader.readRecord(position)).as("record at %d of %s: %s", position, segment,
                        reader.problem()).isTrue();
                position = reader.end();
            }
            return position;
        }
    }

    private static Path last(List<Path> segments) {
        return segments.get(segments.size() - 1);
    }

    @Test
    void aRunningSyncedJournalHasZerosAfterItsLastRecordAndACrashImageRecoversEveryBatch() throws IOException {
        Path data = tmp.resolve("data");
        JournalStore store = openWithQueue(data, JournalConfig.DEFAULT_SEGMENT_SIZE);
        publish(store, 1, 50);
        Path image = tmp.resolve("image");
        Fixtures.copyDirectory(data, image);
        Path untouched = tmp.resolve("untouched");
        Fixtures.copyDirectory(data, untouched);
        store.close();

        Path segment = last(Fixtures.segments(image));
        long physical = Files.size(segment);
        assertThat(physical).isGreaterThanOrEqualTo(PreallocatedTail.MIN_STEP);
        RecordingHandler recovered = Fixtures.recover(synced(image, JournalConfig.DEFAULT_SEGMENT_SIZE));

        assertThat(recovered.messageIds("q")).isEqualTo(ids(1, 50));
        long logical = Files.size(segment);
        assertThat(logical).isLessThan(physical).isEqualTo(endOfRecords(segment))
                .isEqualTo(Files.size(last(Fixtures.segments(data))));
        try (SegmentReader reader = new SegmentReader(last(Fixtures.segments(untouched)))) {
            assertThat(reader.size()).isEqualTo(physical);
            assertThat(reader.isZeroFrom(logical)).isTrue();
            assertThat(reader.isZeroFrom(logical - 1)).isFalse();
        }
    }

    @Test
    void writesContinueAfterTheRecoveredEndAndSurviveTheNextCrash() throws IOException {
        Path data = tmp.resolve("data");
        JournalStore store = openWithQueue(data, JournalConfig.DEFAULT_SEGMENT_SIZE);
        publish(store, 1, 20);
        Path first = tmp.resolve("first");
        Fixtures.copyDirectory(data, first);
        store.close();

        JournalStore reopened = Fixtures.open(synced(first, JournalConfig.DEFAULT_SEGMENT_SIZE),
                new RecordingHandler());
        publish(reopened, 21, 40);
        Path second = tmp.resolve("second");
        Fixtures.copyDirectory(first, second);
        reopened.close();

        assertThat(Fixtures.recover(synced(second, JournalConfig.DEFAULT_SEGMENT_SIZE)).messageIds("q"))
                .isEqualTo(ids(1, 40));
    }

    @Test
    void sealedSegmentsAndACleanlyClosedOneEndWithTheirLastRecord() throws IOException {
        Path data = tmp.resolve("data");
        JournalStore store = openWithQueue(data, 8 << 10);
        publish(store, 1, 200);
        List<Path> running = Fixtures.segments(data);
        assertThat(running).hasSizeGreaterThan(3);
        for (Path sealed : running.subList(0, running.size() - 1)) {
            assertThat(Files.size(sealed)).as("%s", sealed).isEqualTo(endOfRecords(sealed));
        }
        assertThat(Files.size(last(running))).isEqualTo(8 << 10);

        store.close();

        Path active = last(Fixtures.segments(data));
        assertThat(Files.size(active)).isLessThan(8 << 10).isEqualTo(endOfRecords(active));
        assertThat(Fixtures.recover(synced(data, 8 << 10)).messageIds("q")).isEqualTo(ids(1, 200));
    }

    @Test
    void aPartialRecordInPreallocatedSpaceIsATornTailAndTheBatchesBeforeItSurvive() throws IOException {
        Path data = tmp.resolve("data");
        JournalStore store = openWithQueue(data, JournalConfig.DEFAULT_SEGMENT_SIZE);
        publish(store, 1, 9);
        store.close();
        Path segment = last(Fixtures.segments(data));
        long beforeTenth = Files.size(segment);
        store = Fixtures.open(synced(data, JournalConfig.DEFAULT_SEGMENT_SIZE), new RecordingHandler());
        publish(store, 10, 10);
        store.close();
        long afterTenth = Files.size(segment);

        // the tenth record's first half, then zeros: its second half never reached the disk
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            long half = beforeTenth + (afterTenth - beforeTenth) / 2;
            ch.truncate(half);
            ch.write(ByteBuffer.allocate(PreallocatedTail.MIN_STEP), half);
        }

        assertThat(Fixtures.recover(synced(data, JournalConfig.DEFAULT_SEGMENT_SIZE)).messageIds("q"))
                .isEqualTo(ids(1, 9));
        assertThat(Files.size(segment)).isEqualTo(beforeTenth);
    }

    @Test
    void aJournalThatCannotPreallocateKeepsAppendingAndLosesNothing() throws IOException {
        Path data = tmp.resolve("data");
        AtomicBoolean full = new AtomicBoolean(true);
        ChannelOpener noRoomAhead = (path, options) -> new FailingChannel(FileChannel.open(path, options),
                new AtomicBoolean(), full);
        JournalStore store = new JournalStore(synced(data, 8 << 10), noRoomAhead);
        store.open(new RecordingHandler().reading(store));
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        publish(store, 1, 60);
        List<Path> segments = Fixtures.segments(data);
        assertThat(segments).hasSizeGreaterThan(1);
        assertThat(Files.size(last(segments))).isEqualTo(endOfRecords(last(segments)));
        store.close();

        assertThat(Fixtures.recover(synced(data, 8 << 10)).messageIds("q")).isEqualTo(ids(1, 60));
    }

    @Test
    void concurrentWritersRollingThroughPreallocatedSegmentsAreAllRecoveredFromACrashImage() throws Exception {
        Path data = tmp.resolve("data");
        long segmentSize = 64 << 10;
        JournalStore store = openWithQueue(data, segmentSize);
        int threads = 8;
        int perThread = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long first = 1 + (long) t * perThread;
            done.add(pool.submit(() -> {
                start.await();
                List<CompletableFuture<Void>> writes = new ArrayList<>();
                for (long id = first; id < first + perThread; id++) {
                    writes.add(store.write(Fixtures.publish("q", id, (int) (id % 700))));
                    if (id % 10 == 0) {
                        Fixtures.awaitAll(writes);
                        writes.clear();
                    }
                }
                Fixtures.awaitAll(writes);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Path image = tmp.resolve("image");
        Fixtures.copyDirectory(data, image);
        store.close();

        List<Path> segments = Fixtures.segments(image);
        assertThat(segments).hasSizeGreaterThan(2);
        for (Path sealed : segments.subList(0, segments.size() - 1)) {
            assertThat(Files.size(sealed)).as("%s", sealed).isEqualTo(endOfRecords(sealed));
        }
        RecordingHandler recovered = Fixtures.recover(synced(image, segmentSize));
        assertThat(recovered.messageIds("q")).containsExactlyInAnyOrderElementsOf(ids(1, (long) threads * perThread));
    }
}
