package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import io.warren.broker.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in the data directory that are not the journal's: a file of another name is left alone with a warning; a
 * file with a segment's name that is not a segment (junk, another format version) stops start-up naming the file
 * and what to do, and is never truncated or overwritten. Only the last segment caught while being created (a
 * prefix of its header, or zeros) starts afresh.
 */
class JournalForeignFilesTest {
    @TempDir
    Path tmp;

    private Path dir;
    private JournalConfig config;
    private List<Long> messages;

    /** A journal of three segments holding messages 1..30 on queue q. */
    @BeforeEach
    void writeJournal() {
        dir = tmp.resolve("data");
        config = Fixtures.config(dir).segmentSize(1024).compactionMinBytes(1L << 40).build();
        JournalStore store = Fixtures.open(config, new RecordingHandler());
        Fixtures.await(store.write(Fixtures.declareQueue("q")));
        for (int i = 1; i <= 30; i++) {
            Fixtures.await(store.write(Fixtures.publish("q", i, 100)));
        }
        store.close();
        assertThat(Fixtures.segments(dir)).hasSizeGreaterThan(2);
        messages = Fixtures.recover(config).messageIds("q");
        assertThat(messages).hasSize(30);
    }

    private static byte[] junk(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        b[0] = 'J'; // never the magic number, never zero
        return b;
    }

    private Path nextSegment() {
        List<Path> segments = Fixtures.segments(dir);
        long last = JournalFormat.parseSegmentName(segments.get(segments.size() - 1).getFileName().toString())
                .getAsLong();
        return JournalFormat.segmentPath(dir, last + 1);
    }

    @Test
    void filesThatAreNotTheJournalsAreLeftAloneAndReported() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "remember the milk");
        Path backup = Files.write(dir.resolve("backup.tmp"), junk(100));
        Path almost = Files.write(dir.resolve("journal-1.log"), junk(100));
        Path folder = Files.createDirectory(dir.resolve("lost+found"));

        assertThat(Fixtures.recover(config).messageIds("q")).isEqualTo(messages);
        RecoveredJournal recovered = JournalRecovery.recover(dir);

        assertThat(recovered.ignored()).containsExactlyInAnyOrder(notes, backup, almost, folder);
        assertThat(Files.readString(notes)).isEqualTo("remember the milk");
        assertThat(Files.readAllBytes(backup)).isEqualTo(junk(100));
        assertThat(Files.readAllBytes(almost)).isEqualTo(junk(100));
        assertThat(folder).isDirectory();
    }

    @Test
    void theJournalsOwnTemporaryFilesAreDeleted() throws IOException {
        Path compaction = Files.write(dir.resolve(JournalFormat.segmentFileName(99) + ".tmp"), junk(50));
        Path probe = Files.write(dir.resolve("warren-fsync-probe123.tmp"), junk(50));

        assertThat(Fixtures.recover(config).messageIds("q")).isEqualTo(messages);

        assertThat(compaction).doesNotExist();
        assertThat(probe).doesNotExist();
    }

    @Test
    void aSegmentOfJunkAfterTheLastStopsStartUpNamingTheFileAndIsNotTouched() throws IOException {
        Path junkSegment = Files.write(nextSegment(), junk(4096));

        assertThatThrownBy(() -> Fixtures.recover(config))
                .isInstanceOf(BrokerException.class)
                .hasFieldOrPropertyWithValue("code", ErrorCode.STORE_ERROR)
                .hasMessageContaining(junkSegment.toString())
                .hasMessageContaining("is not a valid segment, at offset 0: bad segment header: bad magic number")
                .hasMessageContaining("move it out of the data directory");

        assertThat(Files.readAllBytes(junkSegment)).isEqualTo(junk(4096));
        Files.delete(junkSegment);
        assertThat(Fixtures.recover(config).messageIds("q")).isEqualTo(messages);
    }

    @Test
    void aShortJunkLastSegmentIsNotMistakenForOneBeingCreated() throws IOException {
        Path junkSegment = Files.write(nextSegment(), junk(11));

        assertThatThrownBy(() -> Fixtures.recover(config))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining(junkSegment.getFileName().toString())
                .hasMessageContaining("shorter than a segment header (11 bytes) and is not the start of one");

        assertThat(Files.readAllBytes(junkSegment)).isEqualTo(junk(11));
    }

    @Test
    void aLastSegmentHoldingPartOfItsHeaderStartsAfresh() throws IOException {
        Path next = nextSegment();
        long sequence = JournalFormat.parseSegmentName(next.getFileName().toString()).getAsLong();
        byte[] header = new SegmentHeader(sequence, false).encode();
        Files.write(next, java.util.Arrays.copyOf(header, 11));

        assertThat(Fixtures.recover(config).messageIds("q")).isEqualTo(messages);

        assertThat(Files.readAllBytes(next)).isEqualTo(header);
    }

    @Test
    void anEarlierSegmentReplacedByJunkStopsStartUpAndIsNotTouched() throws IOException {
        Path first = Fixtures.segments(dir).get(0);
        Files.write(first, junk((int) Files.size(first)));

        assertThatThrownBy(() -> Fixtures.recover(config))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining(first.toString())
                .hasMessageContaining("bad magic number");

        assertThat(Files.readAllBytes(first)).startsWith('J');
    }

    @Test
    void aSegmentOfAnotherFormatVersionStopsStartUpSayingWhichVersionWroteIt() throws IOException {
        Path last = Fixtures.segments(dir).get(Fixtures.segments(dir).size() - 1);
        byte[] content = Files.readAllBytes(last);
        content[5] = 2; // version 2, with a matching checksum
        JournalFormat.putInt(content, 16, JournalFormat.crc(content, 0, 16));
        Files.write(last, content);

        assertThatThrownBy(() -> Fixtures.recover(config))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining(last.toString())
                .hasMessageContaining("was written by another version of Warren: journal format version 2 (this"
                        + " broker reads version 1)");

        assertThat(Files.readAllBytes(last)).isEqualTo(content);
    }

    @Test
    void aSingleSegmentOfJunkInAnOtherwiseEmptyDirectoryStopsStartUp() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        Path junkSegment = Files.write(JournalFormat.segmentPath(empty, 1), "not a journal\n".repeat(10)
                .getBytes(StandardCharsets.UTF_8));
        JournalConfig emptyConfig = Fixtures.config(empty).build();

        assertThatThrownBy(() -> Fixtures.recover(emptyConfig))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining(junkSegment.toString())
                .hasMessageContaining("not a valid segment");

        assertThat(Files.readString(junkSegment)).isEqualTo("not a journal\n".repeat(10));
    }
}
