package io.warren.jms.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.warren.jms.transport.vm.VmBrokers;
import io.warren.jms.WarrenConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a producer JVM ({@link CrashingProducerMain}) with SIGKILL after a random number of acknowledged
 * messages, then recovers its data directory in this JVM and checks the queue: every message whose send or
 * commit returned is there exactly once, in send order; no rolled-back message is; and of the one send or
 * transaction in flight at the kill, either nothing or everything is there.
 */
class ProducerCrashTest {
    private static final int RUNS = 5;
    private static final long SEED = 0x5eed_c4a5L;
    private static final int MIN_ACKED = 50;
    private static final int MAX_ACKED = 2_000;
    private static final long LINE_TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    /** What the child reported, in order. */
    private static final class Report {
        final Set<Integer> acked = new HashSet<>();
        final Set<Integer> rolledBack = new HashSet<>();
        /** The unit announced last and not completed: ids, and whether it is a batch to be committed. */
        List<Integer> inFlight = List.of();
        boolean inFlightBatch;
        boolean inFlightRollback;

        void apply(String line) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "READY" -> { }
                case "SEND" -> {
                    inFlight = ids(words, 1);
                    inFlightBatch = false;
                    inFlightRollback = false;
                }
                case "BEGIN" -> {
                    inFlight = ids(words, 2);
                    inFlightBatch = true;
                    inFlightRollback = words[1].equals("ROLLBACK");
                }
                case "ACK" -> {
                    List<Integer> ids = ids(words, 1);
                    assertThat(ids).as("ACK of the announced unit").isEqualTo(inFlight);
                    acked.addAll(ids);
                    inFlight = List.of();
                    inFlightBatch = false;
                    inFlightRollback = false;
                }
                case "ROLLBACK" -> {
                    List<Integer> ids = ids(words, 1);
                    assertThat(ids).as("ROLLBACK of the announced unit").isEqualTo(inFlight);
                    rolledBack.addAll(ids);
                    inFlight = List.of();
                    inFlightBatch = false;
                    inFlightRollback = false;
                }
                default -> throw new AssertionError("unexpected line from the producer: " + line);
            }
        }

        private static List<Integer> ids(String[] words, int from) {
            return Arrays.stream(words, from, words.length).map(Integer::valueOf).toList();
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKilledProducerAndNothingElseDoes() throws Exception {
        Random kills = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            int killAfter = MIN_ACKED + kills.nextInt(MAX_ACKED - MIN_ACKED + 1);
            Path data = dir.resolve("data-" + run);
            Path errors = dir.resolve("producer-" + run + ".err");
            long started = System.nanoTime();
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    CrashingProducerMain.class.getName(), data.toString(), Long.toString(SEED + run))
                    .redirectError(errors.toFile()).start();
            Report report = new Report();
            BlockingQueue<String> lines = readLines(child);
            try {
                while (report.acked.size() < killAfter) {
                    String line = next(lines, child, errors);
                    if (line.equals(EOF)) {
                        throw new AssertionError("the producer exited by itself (" + child.exitValue()
                                + "); its stderr:\n" + Files.readString(errors));
                    }
                    report.apply(line);
                }
            } finally {
                // SIGKILL through the process handle: Process.destroyForcibly() would also close our end of the
                // child's stdout, losing lines it printed just before it died.
                child.toHandle().destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the producer died").isTrue();
            }
            // lines the producer printed before it died are still in the pipe
            for (String line; !(line = next(lines, child, errors)).equals(EOF); ) {
                report.apply(line);
            }
            long killed = System.nanoTime();

            List<Integer> present = drain(data, run);
            long checked = System.nanoTime();
            verify(run, report, present);
            System.out.printf("run %d: killed after %d acknowledged (asked %d), %d rolled back, in flight %s %s; "
                            + "recovered %d messages; producer ran %d ms, recovery and drain %d ms%n",
                    run, report.acked.size(), killAfter, report.rolledBack.size(),
                    report.inFlight.isEmpty() ? "nothing" : report.inFlightBatch
                            ? (report.inFlightRollback ? "batch to roll back" : "batch to commit") : "single send",
                    report.inFlight, present.size(),
                    TimeUnit.NANOSECONDS.toMillis(killed - started), TimeUnit.NANOSECONDS.toMillis(checked - killed));
        }
    }

    private static void verify(int run, Report report, List<Integer> present) {
        String what = "run " + run;
        Set<Integer> presentSet = new HashSet<>(present);
        assertThat(present).as("%s: each message once", what).hasSameSizeAs(presentSet);
        assertThat(present).as("%s: in send order", what).isSorted();
        assertThat(presentSet).as("%s: every acknowledged message", what).containsAll(report.acked);
        assertThat(presentSet).as("%s: no rolled-back message", what).doesNotContainAnyElementsOf(report.rolledBack);
        Set<Integer> extra = new HashSet<>(presentSet);
        extra.removeAll(report.acked);
        assertThat(extra).as("%s: nothing but acknowledged messages and the unit in flight %s", what, report.inFlight)
                .isSubsetOf(report.inFlight);
        if (report.inFlightBatch && report.inFlightRollback) {
            assertThat(extra).as("%s: a batch being rolled back", what).isEmpty();
        }
        if (report.inFlightBatch && !extra.isEmpty()) {
            assertThat(extra).as("%s: a transaction is all or nothing", what)
                    .containsExactlyInAnyOrderElementsOf(report.inFlight);
        }
    }

    /** Opens the producer's data directory in this JVM and takes every message of the queue. */
    private static List<Integer> drain(Path data, int run) throws Exception {
        String name = "crash-check-" + ProcessHandle.current().pid() + "-" + run;
        WarrenConnectionFactory factory = new WarrenConnectionFactory("vm://" + name + "?dataDir=" + data);
        try (Connection c = factory.createConnection()) {
            c.start();
            int count = VmBrokers.broker(factory).defaultVirtualHost()
                    .queueDeclarePassive(null, CrashingProducerMain.QUEUE).messageCount();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(CrashingProducerMain.QUEUE));
            List<Integer> seqs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Message m = consumer.receive(10_000);
                assertThat(m).as("message %d of %d", i + 1, count).isNotNull();
                seqs.add(m.getIntProperty(CrashingProducerMain.SEQ));
            }
            assertThat(consumer.receive(100)).as("no more than the queue counted").isNull();
            return seqs;
        } finally {
            VmBrokers.stop(name);
        }
    }

    private static final String EOF = "\u0000EOF";

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
            } finally {
                lines.add(EOF);
            }
        }, "crashing-producer-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String next(BlockingQueue<String> lines, Process child, Path errors) throws Exception {
        String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the producer printed nothing for " + LINE_TIMEOUT_SECONDS + " s (alive: "
                    + child.isAlive() + "); its stderr:\n" + Files.readString(errors));
        }
        if (line.equals(EOF) && child.isAlive()) {
            throw new AssertionError("the producer closed its output; its stderr:\n" + Files.readString(errors));
        }
        return line;
    }
}
