package io.warren.paging;

import static io.warren.paging.BacklogChild.PERSISTENT_QUEUE;
import static io.warren.paging.BacklogChild.TRANSIENT_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's acceptance test: queue depth bounded by disk, not heap. Every broker runs in a {@link BacklogChild}
 * JVM with a small heap ({@code paging.heap}, 256 MiB): it fills one queue with persistent and another with
 * non-persistent messages and drains both in order with no OutOfMemoryError and no producer refused; it is killed
 * (SIGKILL) while filling and while draining a queue, and a restarted broker has every committed message and
 * redelivers none whose consumption was committed; a selector consumer and a browser see a deep queue whole.
 *
 * <p>Sizes come from {@link BacklogSizes}: small in the default build (within what today's heap-bound queues
 * hold), the with {@code -Pdeep-backlog}. What "acknowledged" means here: producers and consumers are
 * transacted, and a child appends to an {@link AckLog} (forced to disk) how many messages are committed after each
 * {@code commit()} returns. The broker may have one more transaction than the log (the kill fell between the
 * commit and the record), never one fewer, so the checks are exact bounds without false alarms.
 */
class DeepBacklogTest {
    private static final BacklogSizes SIZES = BacklogSizes.fromSystemProperties();

    @TempDir
    Path tmp;

    private Path dataDir(String name) throws IOException {
        Path root = SIZES.dataDir() != null ? SIZES.dataDir() : tmp;
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "paging-" + name + "-");
    }

    /** Skips (rather than fails) where the disk could not hold the backlog: that limit is not the heap's. */
    private static void assumeDiskFor(Path dir, long bodyBytes) throws IOException {
        long needed = bodyBytes * 2 + (256L << 20);
        long usable = Files.getFileStore(dir).getUsableSpace();
        assumeTrue(usable >= needed, String.format(Locale.ROOT, "needs %,d MiB free under %s, has %,d MiB",
                needed >> 20, dir, usable >> 20));
    }

    /** Fails saying how the child failed when it ran out of heap, had a producer refused, or exited otherwise. */
    private static void assertCompleted(ChildJvm.Result r, String what) {
        assertThat(r.ranOutOfHeap()).as("%s: the child ran out of heap (-Xmx%s)\n%s", what, SIZES.heap(), r)
                .isFalse();
        assertThat(r.line("refused ")).as("%s: the broker refused a producer before the disk was full\n%s", what, r)
                .isEmpty();
        assertThat(r.exitStatus()).as("%s\n%s", what, r).isZero();
    }

    private static void assertWhole(RangeLine range, long count, ChildJvm.Result r) {
        assertThat(range.count()).as("messages in %s\n%s", range, r).isEqualTo(count);
        if (count > 0) {
            assertThat(range.first()).as("first of %s", range).isZero();
            assertThat(range.last()).as("last of %s", range).isEqualTo(count - 1);
        }
        assertThat(range.consecutive()).as("in order, none missing or twice: %s", range).isTrue();
        assertThat(range.bodies()).as("bodies intact: %s", range).isTrue();
    }

    @Test
    void aPersistentAndANonPersistentBacklogFillAndDrainInOrderWithinTheHeap() throws Exception {
        Path data = dataDir("fill-drain");
        assumeDiskFor(data, SIZES.bytes(SIZES.persistentCount() + SIZES.nonPersistentCount()));
        ChildJvm.Result r;
        try (ChildJvm child = ChildJvm.start(tmp, "fill-drain", SIZES, "fill-drain", data.toString(),
                Long.toString(SIZES.persistentCount()), Long.toString(SIZES.nonPersistentCount()),
                Integer.toString(SIZES.bodySize()), Integer.toString(SIZES.batch()))) {
            r = child.awaitExit();
        }
        assertCompleted(r, "filling and draining " + SIZES.persistentCount() + " persistent and "
                + SIZES.nonPersistentCount() + " non-persistent messages");
        assertWhole(RangeLine.parse(r.required("drained " + PERSISTENT_QUEUE)), SIZES.persistentCount(), r);
        assertWhole(RangeLine.parse(r.required("drained " + TRANSIENT_QUEUE)), SIZES.nonPersistentCount(), r);
        assertThat(r.required("depth " + PERSISTENT_QUEUE)).endsWith(" 0");
        assertThat(r.required("depth " + TRANSIENT_QUEUE)).endsWith(" 0");
    }

    @Test
    void aBrokerKilledWhileFillingKeepsEveryCommittedMessageOnceAndInOrder() throws Exception {
        Path data = dataDir("kill-fill");
        assumeDiskFor(data, SIZES.bytes(SIZES.killCount()));
        long count = SIZES.killCount();
        Path ackLog = tmp.resolve("kill-fill.acks");
        boolean killedMidway = killHalfway("fill", data, ackLog);
        long recorded = AckLog.lastRecorded(ackLog);
        ChildJvm.Result r = check(data, "kill-fill-check");
        RangeLine remaining = RangeLine.parse(r.required("remaining " + PERSISTENT_QUEUE));
        System.out.printf(Locale.ROOT, "killed while filling %,d: %,d committed as recorded, %,d recovered%n",
                count, recorded, remaining.count());
        assertThat(killedMidway).as("the kill came while the child was filling").isTrue();
        assertThat(remaining.count()).as("recovered messages: at least every commit recorded (%,d)", recorded)
                .isGreaterThanOrEqualTo(recorded)
                .as("recovered messages: at most one transaction more than recorded (%,d)", recorded)
                .isLessThanOrEqualTo(recorded + SIZES.batch());
        assertThat(remaining.count() % SIZES.batch()).as("whole transactions only: %s", remaining).isZero();
        assertWhole(remaining, remaining.count(), r);
        assertThat(r.required("depth " + PERSISTENT_QUEUE)).endsWith(" 0");
    }

    @Test
    void aBrokerKilledWhileDrainingRedeliversNoCommittedMessageAndLosesNone() throws Exception {
        Path data = dataDir("kill-drain");
        assumeDiskFor(data, SIZES.bytes(SIZES.killCount()));
        long count = SIZES.killCount();
        try (ChildJvm filler = ChildJvm.start(tmp, "kill-drain-fill", SIZES, "fill", data.toString(),
                PERSISTENT_QUEUE, Long.toString(count), Integer.toString(SIZES.bodySize()),
                Integer.toString(SIZES.batch()), tmp.resolve("kill-drain-fill.acks").toString())) {
            filler.awaitLine(l -> l.startsWith("complete") || l.startsWith("refused "), "complete");
            filler.closeInput();
            assertCompleted(filler.awaitExit(), "filling " + count + " persistent messages");
        }
        Path ackLog = tmp.resolve("kill-drain.acks");
        boolean killedMidway = killHalfway("drain", data, ackLog);
        long recorded = AckLog.lastRecorded(ackLog);
        ChildJvm.Result r = check(data, "kill-drain-check");
        RangeLine remaining = RangeLine.parse(r.required("remaining " + PERSISTENT_QUEUE));
        long consumed = count - remaining.count();
        System.out.printf(Locale.ROOT, "killed while draining %,d: %,d consumed as recorded, %,d left after restart%n",
                count, recorded, remaining.count());
        assertThat(killedMidway).as("the kill came while the child was draining").isTrue();
        assertThat(consumed).as("consumed before the kill: no message whose consumption was recorded as committed"
                + " (%,d) comes back", recorded).isGreaterThanOrEqualTo(recorded)
                .as("consumed before the kill: at most one transaction more than recorded (%,d), else messages"
                        + " were lost", recorded).isLessThanOrEqualTo(recorded + SIZES.batch());
        assertThat(consumed % SIZES.batch()).as("whole transactions only: %s", remaining).isZero();
        assertThat(remaining.consecutive()).as("in order, none missing or twice: %s", remaining).isTrue();
        assertThat(remaining.bodies()).as("bodies intact: %s", remaining).isTrue();
        if (remaining.count() > 0) {
            assertThat(remaining.first()).as("first left: %s", remaining).isEqualTo(consumed);
            assertThat(remaining.last()).as("last left: %s", remaining).isEqualTo(count - 1);
        }
        assertThat(r.required("depth " + PERSISTENT_QUEUE)).endsWith(" 0");
    }

    @Test
    void aSelectorConsumerAndABrowserSeeTheWholeDeepQueueInOrder() throws Exception {
        Path data = dataDir("select-browse");
        assumeDiskFor(data, SIZES.bytes(SIZES.selectorCount()));
        long count = SIZES.selectorCount();
        long reds = (count + 9) / 10;
        ChildJvm.Result r;
        try (ChildJvm child = ChildJvm.start(tmp, "select-browse", SIZES, "select-browse", data.toString(),
                PERSISTENT_QUEUE, Long.toString(count), Integer.toString(SIZES.bodySize()),
                Integer.toString(SIZES.batch()))) {
            r = child.awaitExit();
        }
        assertCompleted(r, "a selector and a browser on " + count + " persistent messages");
        assertWhole(RangeLine.parse(r.required("browsed " + PERSISTENT_QUEUE)), count, r);
        RangeLine selected = RangeLine.parse(r.required("selected " + PERSISTENT_QUEUE));
        assertThat(selected.count()).as("selected (every tenth): %s", selected).isEqualTo(reds);
        assertThat(selected.colors()).as("only red ones selected: %s", selected).isTrue();
        assertThat(selected.increasing()).as("selected in order: %s", selected).isTrue();
        RangeLine rest = RangeLine.parse(r.required("rest " + PERSISTENT_QUEUE));
        assertThat(rest.count()).as("the rest: %s", rest).isEqualTo(count - reds);
        assertThat(rest.increasing()).as("the rest in order: %s", rest).isTrue();
        assertThat(rest.bodies() && selected.bodies()).as("bodies intact").isTrue();
        assertThat(r.required("depth " + PERSISTENT_QUEUE)).endsWith(" 0");
    }

    /**
     * Starts a child that fills or drains ({@code mode}) the kill tests' queue, recording its commits in
     * {@code ackLog}, and kills it (SIGKILL) as soon as it reports half of the messages sent or received, which it
     * does halfway through a transaction: the kill finds a transaction open (or, if the child is quicker, its
     * commit under way or just done).
     *
     * @return whether it was still at work then, rather than finished
     */
    private boolean killHalfway(String mode, Path data, Path ackLog) throws Exception {
        long count = SIZES.killCount();
        String progress = (mode.equals("fill") ? "sent " : "received ") + PERSISTENT_QUEUE + " ";
        try (ChildJvm child = ChildJvm.start(tmp, "killed-" + mode, SIZES, mode, data.toString(), PERSISTENT_QUEUE,
                Long.toString(count), Integer.toString(SIZES.bodySize()), Integer.toString(SIZES.batch()),
                ackLog.toString())) {
            String line = child.awaitLine(l -> l.startsWith("complete") || l.startsWith("refused ")
                    || l.startsWith(progress) && !l.contains("=") && lastNumber(l) >= count / 2,
                    progress + count / 2);
            child.kill();
            assertThat(line).as("the %s before the kill", mode).doesNotStartWith("refused ");
            return !line.startsWith("complete");
        }
    }

    private ChildJvm.Result check(Path data, String name) throws Exception {
        ChildJvm.Result r;
        try (ChildJvm child = ChildJvm.start(tmp, name, SIZES, "check", data.toString(), PERSISTENT_QUEUE,
                Integer.toString(SIZES.bodySize()))) {
            r = child.awaitExit();
        }
        assertCompleted(r, "recovering and draining the queue after the kill");
        return r;
    }

    private static long lastNumber(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }
}
