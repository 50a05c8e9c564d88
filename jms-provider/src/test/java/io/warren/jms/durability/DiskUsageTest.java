package io.warren.jms.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.broker.store.journal.JournalConfig;
import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fills a queue with 5,000 persistent 1 KiB messages and drains it, round after round, through JMS on a journal,
 * and checks that the data directory stays bounded because the journal is compacted once dead records dominate it.
 *
 * <p>The bound. {@code vm://} brokers use the journal defaults: {@value JournalConfig#DEFAULT_SEGMENT_SIZE}-byte
 * (64 MiB) segments, and compaction once the journal is at least twice that (128 MiB) and the live data is at
 * most half of it. A round writes about 5.9 MiB (5,000 × (1 KiB body + JMS headers + enqueue record) plus the
 * dequeue records), so the journal only reaches 128 MiB in round 22: twenty rounds (118.6 MiB, measured) would
 * never compact, and with these defaults the directory of an empty queue legitimately grows to 128 MiB before any
 * space comes back, so "does not grow round over round" cannot hold at this scale. The test therefore runs 30
 * rounds: once the journal crosses 128 MiB at most one round (≈ 6 MiB) is live, far under half, and the writer
 * compacts between two groups of writes. The directory can never exceed the threshold plus one group of writes
 * plus the snapshot being written (at most the live data, one round), so 128 MiB + 16 MiB is a safe ceiling; and
 * after the compaction the directory must start again from about one round's worth (the snapshot carries no dead
 * records).
 *
 * <p>The journal syncs nothing here ({@code sync=never}): the records written, and so the disk used, are the same
 * under every sync policy (it only decides when a write's future completes), and 300,000 fsynced operations would
 * take far longer than this test may.
 */
class DiskUsageTest {
    private static final int ROUNDS = 30;
    private static final int ROUNDS_WITHOUT_COMPACTION = 20;
    private static final int MESSAGES = 5_000;
    private static final int BODY = 1024;
    /** Messages per commit: below the default prefetch (256), see {@link TransactedDrainTest}. */
    private static final int BATCH = 250;
    private static final long MIB = 1L << 20;
    private static final long COMPACTION_THRESHOLD = 2 * JournalConfig.DEFAULT_SEGMENT_SIZE;
    private static final long CEILING = COMPACTION_THRESHOLD + 16 * MIB;

    @TempDir
    Path dir;

    private final String brokerName = "disk-usage-" + ProcessHandle.current().pid();

    @AfterEach
    void stop() {
        VmBrokers.stop(brokerName);
    }

    @Test
    void theDataDirectoryStaysBoundedWhileAQueueIsFilledAndDrainedRepeatedly() throws Exception {
        Path data = dir.resolve("data");
        WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://" + brokerName + "?dataDir=" + data
                + "&sync=never");
        byte[] body = new byte[BODY];
        for (int i = 0; i < BODY; i++) {
            body[i] = (byte) (i * 31);
        }
        List<Long> afterFill = new ArrayList<>();
        List<Long> afterDrain = new ArrayList<>();
        long max = 0;
        try (Connection c = factory.createConnection()) {
            c.start();
            Session producerSession = c.createSession(true, Session.SESSION_TRANSACTED);
            Session consumerSession = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = producerSession.createQueue("disk-usage");
            MessageProducer producer = producerSession.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            MessageConsumer consumer = consumerSession.createConsumer(queue);
            int next = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < MESSAGES; i++) {
                    BytesMessage m = producerSession.createBytesMessage();
                    m.writeBytes(body);
                    m.setIntProperty("n", next++);
                    producer.send(m);
                    if ((i + 1) % BATCH == 0) {
                        producerSession.commit();
                        max = Math.max(max, size(data));
                    }
                }
                afterFill.add(size(data));
                for (int i = 0; i < MESSAGES; i++) {
                    Message m = consumer.receive(10_000);
                    assertThat(m).as("round %d, message %d", round, i).isNotNull();
                    if ((i + 1) % BATCH == 0) {
                        consumerSession.commit();
                        max = Math.max(max, size(data));
                    }
                }
                assertThat(consumer.receiveNoWait()).isNull();
                afterDrain.add(size(data));
            }
        }
        System.out.printf("data directory after each fill (MiB): %s%nafter each drain (MiB): %s%n"
                + "largest seen: %.1f MiB%n", mib(afterFill), mib(afterDrain), max / (double) MIB);
        long perRound = afterDrain.get(0);
        assertThat(perRound).as("one round's records").isBetween(5 * MIB, 8 * MIB);
        assertThat(max).as("largest data directory seen").isLessThan(CEILING);
        assertThat(afterDrain.subList(0, ROUNDS_WITHOUT_COMPACTION)).as("below the compaction threshold").isSorted();
        int shrunk = -1;
        for (int r = 1; r < ROUNDS; r++) {
            if (afterDrain.get(r) < afterDrain.get(r - 1)) {
                shrunk = r;
                break;
            }
        }
        assertThat(shrunk).as("a round after which the directory was smaller: the journal was compacted")
                .isPositive();
        assertThat(afterDrain.get(shrunk)).as("right after the compaction: about one round, no dead records kept")
                .isLessThan(2 * perRound);
        assertThat(afterDrain.get(ROUNDS - 1)).as("at the end").isLessThan(COMPACTION_THRESHOLD);
    }

    private static List<String> mib(List<Long> sizes) {
        return sizes.stream().map(s -> String.format("%.1f", s / (double) MIB)).toList();
    }

    /**
     * Bytes of the files under {@code directory}. The journal's background compaction creates, renames and deletes
     * files while this walks, so a file or directory that vanishes between listing and reading counts as empty.
     */
    private static long size(Path directory) {
        long total = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    total += a.isDirectory() ? size(p) : a.size();
                } catch (NoSuchFileException vanished) {
                    // deleted or renamed by a compaction meanwhile
                }
            }
        } catch (NoSuchFileException vanished) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }
}
