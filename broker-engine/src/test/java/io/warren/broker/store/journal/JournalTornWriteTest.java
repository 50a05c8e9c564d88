package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damages a journal the way crashes and disks do, at many offsets, and checks that recovery yields exactly the
 * batches wholly before the damage when it is at the tail, and refuses to start when it is not.
 */
class JournalTornWriteTest {
    private static final int BATCHES = 30;

    @TempDir
    Path tmp;

    private Path original;
    private Path segmentName;
    /** starts[i] and ends[i]: where batch i's record lies in the segment. */
    private final long[] starts = new long[BATCHES];
    private final long[] ends = new long[BATCHES];
    private long size;
    private int run;

    /** Batch i publishes message i + 1 (batch 0 also declares the queue), so a prefix is easy to check. */
    @BeforeEach
    void writeJournal() throws IOException {
        original = tmp.resolve("original");
        JournalStore store = Fixtures.open(config(original), new RecordingHandler());
        Path segment = Fixtures.segments(original).get(0);
        segmentName = segment.getFileName();
        for (int i = 0; i < BATCHES; i++) {
            starts[i] = Files.size(segment);
            var batch = Fixtures.publish("q", i + 1, (i * 37) % 120);
            if (i == 0) {
                batch = Fixtures.declareQueue("q").addAll(batch);
            }
            Fixtures.await(store.write(batch));
            ends[i] = Files.size(segment);
        }
        store.close();
        size = Files.size(segment);
        assertThat(size).isEqualTo(ends[BATCHES - 1]);
    }

    private static JournalConfig config(Path directory) {
        return Fixtures.config(directory).segmentSize(1 << 20).build();
    }

    private Path damagedCopy() {
        Path copy = tmp.resolve("run-" + run++);
        Fixtures.copyDirectory(original, copy);
        return copy;
    }

    /** Offsets to damage: every byte of the last three records and every 61st byte before them. */
    private TreeSet<Long> offsets() {
        TreeSet<Long> offsets = new TreeSet<>();
        for (long p = 0; p < starts[BATCHES - 3]; p += 61) {
            offsets.add(p);
        }
        for (long p = starts[BATCHES - 3]; p < size; p++) {
            offsets.add(p);
        }
        return offsets;
    }

    private int batchesEndingBy(long offset) {
        int n = 0;
        while (n < BATCHES && ends[n] <= offset) {
            n++;
        }
        return n;
    }

    private int batchContaining(long offset) {
        int i = 0;
        while (ends[i] <= offset) {
            i++;
        }
        return i;
    }

    private static List<Long> ids(int count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }

    @Test
    void truncationAnywhereRecoversExactlyTheBatchesBeforeIt() throws IOException {
        TreeSet<Long> offsets = offsets();
        offsets.add(size);
        for (long offset : offsets) {
            Path copy = damagedCopy();
            try (FileChannel ch = FileChannel.open(copy.resolve(segmentName), StandardOpenOption.WRITE)) {
                ch.truncate(offset);
            }
            RecordingHandler r = Fixtures.recover(config(copy));
            assertThat(r.messageIds("q")).as("truncated at %d", offset).isEqualTo(ids(batchesEndingBy(offset)));
        }
    }

    @Test
    void aFlippedByteInTheLastRecordLosesOnlyThatRecord() throws IOException {
        for (long offset = starts[BATCHES - 1]; offset < size; offset++) {
            Path copy = damagedCopy();
            Fixtures.flip(copy.resolve(segmentName), offset);
            RecordingHandler r = Fixtures.recover(config(copy));
            assertThat(r.messageIds("q")).as("flipped at %d", offset).isEqualTo(ids(BATCHES - 1));
            assertThat(Files.size(copy.resolve(segmentName))).isEqualTo(starts[BATCHES - 1]);
        }
    }

    @Test
    void aFlippedByteFollowedByIntactRecordsStopsRecoveryNamingFileAndOffset() throws IOException {
        for (long offset : offsets().headSet(starts[BATCHES - 1])) {
            Path copy = damagedCopy();
            Fixtures.flip(copy.resolve(segmentName), offset);
            long recordStart = offset < JournalFormat.SEGMENT_HEADER_SIZE ? 0 : starts[batchContaining(offset)];
            assertThatThrownBy(() -> Fixtures.recover(config(copy)))
                    .as("flipped at %d", offset)
                    .isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR))
                    .hasMessageContaining(copy.resolve(segmentName).toString())
                    .hasMessageContaining("at offset " + recordStart + ":")
                    .hasMessageContaining(offset < JournalFormat.SEGMENT_HEADER_SIZE ? "header"
                            : "intact record follows at offset " + ends[batchContaining(offset)]);
        }
    }

    @Test
    void theErrorSaysWhatIsWrongWithTheDamagedRecord() throws IOException {
        Path copy = damagedCopy();
        Fixtures.flip(copy.resolve(segmentName), starts[5] + 20);
        assertThatThrownBy(() -> Fixtures.recover(config(copy)))
                .hasMessageContaining("is corrupt at offset " + starts[5] + ": record checksum mismatch, and an intact "
                        + "record follows at offset " + starts[6]);
    }

    @Test
    void zeroedOrGarbageSpaceAfterTheLastRecordIsCutOff() throws IOException {
        byte[] garbage = new byte[5000];
        new Random(42).nextBytes(garbage);
        byte[] partialRecord = Files.readAllBytes(original.resolve(segmentName));
        partialRecord = java.util.Arrays.copyOfRange(partialRecord, (int) starts[3], (int) ends[3] - 5);
        for (byte[] tail : List.of(new byte[8192], garbage, partialRecord)) {
            Path copy = damagedCopy();
            Files.write(copy.resolve(segmentName), tail, StandardOpenOption.APPEND);
            assertThat(Fixtures.recover(config(copy)).messageIds("q")).isEqualTo(ids(BATCHES));
            assertThat(Files.size(copy.resolve(segmentName))).isEqualTo(size);
        }
    }

    @Test
    void writesContinueAfterATruncatedTail() throws IOException {
        Path copy = damagedCopy();
        try (FileChannel ch = FileChannel.open(copy.resolve(segmentName), StandardOpenOption.WRITE)) {
            ch.truncate(ends[BATCHES - 1] - 3);
        }
        JournalStore store = Fixtures.open(config(copy), new RecordingHandler());
        Fixtures.await(store.write(Fixtures.publish("q", 100, 10)));
        store.close();

        List<Long> expected = new ArrayList<>(ids(BATCHES - 1));
        expected.add(100L);
        assertThat(Fixtures.recover(config(copy)).messageIds("q")).isEqualTo(expected);
    }

    @Test
    void damageInAnEarlierSegmentStopsRecoveryEvenAtItsEnd() throws IOException {
        Path dir = tmp.resolve("segmented");
        JournalConfig config = Fixtures.config(dir).segmentSize(1024).compactionMinBytes(1L << 40).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        for (int i = 1; i <= 40; i++) {
            Fixtures.await(store.write(Fixtures.publish("q", i, 100)));
        }
        store.close();
        List<Path> segments = Fixtures.segments(dir);
        assertThat(segments).hasSizeGreaterThan(3);

        Path copy = tmp.resolve("segmented-copy");
        Fixtures.copyDirectory(dir, copy);
        Path second = copy.resolve(segments.get(1).getFileName());
        long secondSize = Files.size(second);
        Fixtures.flip(second, secondSize - 2);
        // Recovery reads a sealed segment's index, not its records; without the index it scans the segment.
        Files.delete(JournalFormat.indexPath(copy, JournalFormat.parseSegmentName(
                second.getFileName().toString()).getAsLong()));
        assertThatThrownBy(() -> Fixtures.recover(config(copy)))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining(second.toString())
                .hasMessageContaining("is corrupt at offset");

        Path truncated = tmp.resolve("segmented-truncated");
        Fixtures.copyDirectory(dir, truncated);
        try (FileChannel ch = FileChannel.open(truncated.resolve(segments.get(1).getFileName()),
                StandardOpenOption.WRITE)) {
            ch.truncate(secondSize - 10);
        }
        assertThatThrownBy(() -> Fixtures.recover(config(truncated)))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining(segments.get(1).getFileName().toString());

        Path missing = tmp.resolve("segmented-missing");
        Fixtures.copyDirectory(dir, missing);
        Files.delete(missing.resolve(segments.get(2).getFileName()));
        assertThatThrownBy(() -> Fixtures.recover(config(missing)))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining(segments.get(2).getFileName() + " is missing");
    }

    @Test
    void aLastSegmentCutInsideItsHeaderStartsAfresh() throws IOException {
        Path dir = tmp.resolve("segmented");
        JournalConfig config = Fixtures.config(dir).segmentSize(1024).compactionMinBytes(1L << 40).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        for (int i = 1; i <= 20; i++) {
            Fixtures.await(store.write(Fixtures.publish("q", i, 100)));
        }
        store.close();
        List<Path> segments = Fixtures.segments(dir);
        Path last = segments.get(segments.size() - 1);
        RecordingHandler all = Fixtures.recover(config);
        Files.write(last, new byte[7]);

        RecordingHandler r = Fixtures.recover(config);

        assertThat(r.messageIds("q")).isEqualTo(all.messageIds("q").subList(0, r.messageIds("q").size()));
        assertThat(Files.size(last)).isEqualTo(JournalFormat.SEGMENT_HEADER_SIZE);
    }
}
