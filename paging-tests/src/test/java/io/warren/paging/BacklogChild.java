package io.warren.paging;

import io.warren.broker.Broker;
import io.warren.broker.VirtualHost;
import io.warren.jms.WarrenConnectionFactory;
import io.warren.jms.transport.vm.VmBrokers;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The JVM that {@link DeepBacklogTest} starts with a small heap: an in-JVM Warren broker
 * ({@code vm://backlog?persistent=true&dataDir=DATA&sync=always}) and one JMS connection to it, doing one of
 * <ul>
 *   <li>{@code fill-drain DATA PERSISTENT NON_PERSISTENT SIZE BATCH}: fills {@value #PERSISTENT_QUEUE} with
 *       persistent and {@value #TRANSIENT_QUEUE} with non-persistent messages, then drains both;</li>
 *   <li>{@code fill DATA QUEUE COUNT SIZE BATCH ACK_LOG}: fills, recording each commit in the {@link AckLog}, then
 *       waits for its standard input to close (the test kills it before or after);</li>
 *   <li>{@code drain DATA QUEUE COUNT SIZE BATCH ACK_LOG}: drains, likewise;</li>
 *   <li>{@code check DATA QUEUE SIZE}: drains whatever the queue holds after a restart;</li>
 *   <li>{@code select-browse DATA QUEUE COUNT SIZE BATCH}: fills, browses, drains the red tenth with a selector,
 *       then the rest.</li>
 * </ul>
 * It prints what it did, one fact a line ({@code filled QUEUE N} after each commit, {@link Sequences.Range}
 * lines, {@code depth QUEUE N}), and exits 0; {@value #REFUSED} when the broker refused a producer (after a line
 * {@code refused QUEUE COMMITTED MESSAGE}). The JVM runs with {@code -XX:+ExitOnOutOfMemoryError}.
 */
public final class BacklogChild {
    static final String PERSISTENT_QUEUE = "deep.persistent";
    static final String TRANSIENT_QUEUE = "deep.transient";
    static final int REFUSED = 4;
    static final String BROKER = "backlog";
    private static final long RECEIVE_TIMEOUT_MILLIS = 120_000;

    private BacklogChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path data = Path.of(args[1]);
        String url = "vm://" + BROKER + "?persistent=true&sync=always&jmx=false&dataDir="
                + URLEncoder.encode(data.toAbsolutePath().toString(), StandardCharsets.UTF_8);
        Connection connection = new WarrenConnectionFactory(url).createConnection();
        try {
            connection.start();
            switch (mode) {
                case "fill-drain" -> fillDrain(connection, Long.parseLong(args[2]), Long.parseLong(args[3]),
                        Integer.parseInt(args[4]), Integer.parseInt(args[5]));
                case "fill" -> fill(connection, args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Path.of(args[6]));
                case "drain" -> drain(connection, args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Path.of(args[6]));
                case "check" -> check(connection, args[2], Integer.parseInt(args[3]));
                case "select-browse" -> selectBrowse(connection, args[2], Long.parseLong(args[3]),
                        Integer.parseInt(args[4]), Integer.parseInt(args[5]));
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        } catch (Sequences.Refused e) {
            // the refused line is printed; the broker is left as it is, as a crash would leave it
            System.exit(REFUSED);
        } finally {
            connection.close();
            VmBrokers.stop(BROKER);
        }
        System.out.flush();
        System.exit(0);
    }

    private static void fillDrain(Connection c, long persistent, long nonPersistent, int size, int batch)
            throws JMSException, Sequences.Refused {
        fillReporting(c, PERSISTENT_QUEUE, persistent, size, batch, true, Sequences.Progress.NONE);
        fillReporting(c, TRANSIENT_QUEUE, nonPersistent, size, batch, false, Sequences.Progress.NONE);
        print(Sequences.drain(c, PERSISTENT_QUEUE, null, persistent, size, batch, RECEIVE_TIMEOUT_MILLIS, Sequences.Progress.NONE)
                .line("drained " + PERSISTENT_QUEUE));
        print(Sequences.drain(c, TRANSIENT_QUEUE, null, nonPersistent, size, batch, RECEIVE_TIMEOUT_MILLIS,
                Sequences.Progress.NONE).line("drained " + TRANSIENT_QUEUE));
        printDepth(PERSISTENT_QUEUE);
        printDepth(TRANSIENT_QUEUE);
    }

    private static void fill(Connection c, String queue, long count, int size, int batch, Path ackLog)
            throws Exception {
        try (AckLog log = AckLog.append(ackLog)) {
            fillReporting(c, queue, count, size, batch, true, recording(log, "sent " + queue, null));
        }
        print("complete");
        awaitEndOfInput();
    }

    private static void drain(Connection c, String queue, long count, int size, int batch, Path ackLog)
            throws Exception {
        try (AckLog log = AckLog.append(ackLog)) {
            print(Sequences.drain(c, queue, null, count, size, batch, RECEIVE_TIMEOUT_MILLIS,
                    recording(log, "received " + queue, "drained " + queue)).line("drained " + queue));
        }
        print("complete");
        awaitEndOfInput();
    }

    private static void check(Connection c, String queue, int size) throws JMSException {
        long depth = depth(queue);
        print(Sequences.drain(c, queue, null, depth, size, 1_000, RECEIVE_TIMEOUT_MILLIS, Sequences.Progress.NONE)
                .line("remaining " + queue));
        printDepth(queue);
    }

    private static void selectBrowse(Connection c, String queue, long count, int size, int batch)
            throws JMSException, Sequences.Refused {
        fillReporting(c, queue, count, size, batch, true, Sequences.Progress.NONE);
        print(Sequences.browse(c, queue, size).line("browsed " + queue));
        long reds = (count + 9) / 10;
        print(Sequences.drain(c, queue, Sequences.RED, reds, size, batch, RECEIVE_TIMEOUT_MILLIS, Sequences.Progress.NONE)
                .line("selected " + queue));
        print(Sequences.drain(c, queue, null, count - reds, size, batch, RECEIVE_TIMEOUT_MILLIS, Sequences.Progress.NONE)
                .line("rest " + queue));
        printDepth(queue);
    }

    /**
     * Records each commit in {@code log}, then prints {@code committedLabel N} (if not null); prints
     * {@code midwayLabel N} halfway through each transaction, where the kill tests kill.
     */
    private static Sequences.Progress recording(AckLog log, String midwayLabel, String committedLabel) {
        return new Sequences.Progress() {
            @Override
            public void committed(long n) {
                log.record(n);
                if (committedLabel != null) {
                    print(committedLabel + " " + n);
                }
            }

            @Override
            public void midTransaction(long n) {
                print(midwayLabel + " " + n);
            }
        };
    }

    /** Fills, printing {@code filled QUEUE N} after each commit (after {@code progress} heard of it). */
    private static void fillReporting(Connection c, String queue, long count, int size, int batch,
                                      boolean persistent, Sequences.Progress progress)
            throws JMSException, Sequences.Refused {
        try {
            Sequences.fill(c, queue, count, size, batch, persistent, new Sequences.Progress() {
                @Override
                public void committed(long n) {
                    progress.committed(n);
                    print("filled " + queue + " " + n);
                }

                @Override
                public void midTransaction(long n) {
                    progress.midTransaction(n);
                }
            });
        } catch (Sequences.Refused e) {
            print("refused " + queue + " " + e.committed + " " + e.getMessage());
            throw e;
        }
    }

    private static long depth(String queue) {
        Broker broker = VmBrokers.get(BROKER);
        VirtualHost host = broker.defaultVirtualHost();
        return host.hasQueue(queue) ? host.queueInfo(queue).messageCount() : 0;
    }

    private static void printDepth(String queue) {
        print("depth " + queue + " " + depth(queue));
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Blocks until the test closes this JVM's standard input (or kills it). */
    private static void awaitEndOfInput() throws IOException {
        InputStream in = System.in;
        while (in.read() >= 0) {
            // nothing is sent; the stream only ends
        }
    }
}
