package io.warren.broker.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warren.broker.BrokerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL at random points and checks that every write it saw acknowledged is
 * recovered exactly once, and that recovery never fails.
 */
class JournalCrashTest {
    static final String QUEUE = "crash";
    private static final int RUNS = 5;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Path data = dir.resolve("data");
        Random random = new Random(20240611);
        long acknowledgedUpTo = 0;
        for (int run = 0; run < RUNS; run++) {
            int killAfter = 1 + random.nextInt(200);
            Path errors = dir.resolve("child-" + run + ".err");
            Process child = startWriter(data, errors);
            try {
                BlockingQueue<String> lines = readLines(child);
                String ready = next(lines, child, errors);
                assertThat(ready).startsWith("ready ");
                assertThat(Long.parseLong(ready.substring(6))).isGreaterThanOrEqualTo(acknowledgedUpTo);
                if (run == 0) {
                    assertThatThrownBy(() -> new JournalStore(Fixtures.config(data).build())
                            .open(new RecordingHandler()))
                            .isInstanceOf(BrokerException.class).hasMessageContaining("in use by another broker");
                }
                for (int seen = 0; seen < killAfter; seen++) {
                    String line = next(lines, child, errors);
                    assertThat(line).doesNotStartWith("failed");
                    long id = Long.parseLong(line);
                    acknowledgedUpTo = Math.max(acknowledgedUpTo, id);
                }
            } finally {
                kill(child);
            }

            Recovered recovered = recover(data);
            long highest = recovered.highest();
            List<Long> ids = recovered.ids();
            assertThat(highest).as("run %d", run).isGreaterThanOrEqualTo(acknowledgedUpTo);
            assertThat(ids).as("run %d: every write up to the last one on disk, each once", run)
                    .isEqualTo(LongStream.rangeClosed(1, highest).boxed().toList());
            acknowledgedUpTo = highest;
        }
    }

    @Test
    void everyAcknowledgedLazyDequeueSurvivesAKillAndNothingElseIsLost() throws Exception {
        killWhileDequeuing("lazy-dequeues", 20261206);
    }

    /** The publishing thread writes and syncs most groups itself, its producer's and the lazy dequeues. */
    @Test
    void everyAcknowledgedWriteOfAWaitingProducerAndLazyDequeueSurvivesAKill() throws Exception {
        killWhileDequeuing("awaited", 20261207);
    }

    private void killWhileDequeuing(String mode, long seed) throws Exception {
        Path data = dir.resolve("data");
        Random random = new Random(seed);
        Set<Long> dequeued = new HashSet<>();
        long acknowledgedUpTo = 0;
        for (int run = 0; run < RUNS; run++) {
            int killAfter = 1 + random.nextInt(300);
            Path errors = dir.resolve(mode + "-child-" + run + ".err");
            Process child = startWriter(data, errors, mode);
            try {
                BlockingQueue<String> lines = readLines(child);
                assertThat(next(lines, child, errors)).startsWith("ready ");
                for (int seen = 0; seen < killAfter; seen++) {
                    String line = next(lines, child, errors);
                    assertThat(line).doesNotStartWith("failed");
                    if (line.startsWith("dequeued ")) {
                        dequeued.add(Long.parseLong(line.substring(9)));
                    } else {
                        acknowledgedUpTo = Math.max(acknowledgedUpTo, Long.parseLong(line));
                    }
                }
            } finally {
                kill(child);
            }

            Recovered recovered = recover(data);
            long highest = recovered.highest();
            List<Long> ids = recovered.ids();
            assertThat(highest).as("run %d", run).isGreaterThanOrEqualTo(acknowledgedUpTo);
            assertThat(ids).as("run %d: no acknowledged dequeue is undone", run).doesNotContainAnyElementsOf(dequeued);
            assertThat(ids).as("run %d: every id up to the last on disk, each once", run).doesNotHaveDuplicates()
                    .isSorted().allMatch(id -> id >= 1 && id <= highest)
                    .containsAll(LongStream.rangeClosed(1, highest).filter(id -> id % 2 == 1).boxed().toList());
            acknowledgedUpTo = highest;
        }
        assertThat(dequeued).isNotEmpty();
    }

    private static Process startWriter(Path data, Path errors, String... mode) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), data.toString()));
        command.addAll(List.of(mode));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    /** What a journal a killed writer left recovers to: the highest message id it saw, and the queue's ids. */
    private record Recovered(long highest, List<Long> ids) {
    }

    private static Recovered recover(Path data) {
        JournalStore store = new JournalStore(Fixtures.config(data).build());
        RecordingHandler recovered = new RecordingHandler();
        long highest = store.open(recovered);
        store.close();
        return new Recovered(highest, recovered.messageIds(QUEUE));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static BlockingQueue<String> readLines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        }, "crash-child-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String next(BlockingQueue<String> lines, Process child, Path errors) throws Exception {
        String line = lines.poll(20, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the writer process printed nothing for 20 s (alive: " + child.isAlive()
                    + "); its stderr:\n" + Files.readString(errors));
        }
        return line;
    }
}
